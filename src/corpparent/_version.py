"""The release this tree is, written once: the build reads it from here (pyproject
declares the version dynamic) and every report names it."""

__version__ = "0.3.0.dev0"
