"""The `blocs` command line: thin commands over `blocs.queries`."""
