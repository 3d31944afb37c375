"""The subcommands of the ``corpparent`` command line, one module each."""
