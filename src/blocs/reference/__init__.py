"""The reference data shipped with blocs (YAML under `data/`) and the build that loads it."""
