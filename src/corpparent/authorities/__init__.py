"""The built-in authority plug-ins: ``national``, ``staffordshire`` and ``wiltshire``.

Each is a declarative plug-in file in this package (``wiltshire.toml``), registered in
the ``corpparent.authorities`` entry-point group as ``corpparent.authorities:wiltshire.toml``
exactly as an authority registers its own data-file plug-in. Load them with
[`corpparent.plugins.load_profile`][corpparent.plugins.load_profile]. Every figure and rule cites
its source clause in a ``source`` field (``"002 §30"``: document 002, paragraph 30), and each file's
``[[documents]]`` names the documents cited.
"""
