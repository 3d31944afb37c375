"""The plug-in file format: an authority profile written as a TOML file, its models and
JSON Schema, its reader and its writer."""
