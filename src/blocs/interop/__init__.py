"""The field's data formats: the Correlates of War IGO data in (`cow`), comparisons between
sources (`compare`), and exports for statistics, graph and linked-data tools (`exports`)."""
