"""``python -m corpparent``: the same as the ``corpparent`` command."""

from corpparent.cli import main

if __name__ == "__main__":
    main()
