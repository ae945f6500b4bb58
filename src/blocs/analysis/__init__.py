"""Analyses over the as-of queries, each returning a pandas DataFrame: overlap (shared
members, Jaccard, containment, on a day or by year), network (the state–organization
graph, its projections, centrality), shares (contributions, Herfindahl, flows) and change
(joins, exits, suspensions). pandas and networkx are imported inside the functions, so
importing these modules costs nothing until one is called."""
