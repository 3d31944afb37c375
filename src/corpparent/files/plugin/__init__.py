"""The plug-in file format: an authority profile written as a TOML file."""
