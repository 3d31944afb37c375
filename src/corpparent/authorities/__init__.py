"""The built-in authority plug-ins, each a declarative plug-in file in this package.

``wiltshire.toml``, ``staffordshire.toml`` and ``national.toml`` are registered in the
``corpparent.authorities`` entry-point group as ``corpparent.authorities:<name>.toml``;
load them with :func:`corpparent.plugins.load_profile`. Every figure cites its source
clause in a ``source`` field (``"002 §30"``: document 002, paragraph 30), and each
file's ``[[documents]]`` names the documents cited.
"""
