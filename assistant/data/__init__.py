"""Loading and checking the data: YAML files, the catalog, answers files, the snapshot, private files."""
