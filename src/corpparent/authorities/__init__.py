"""The built-in authority plug-ins: ``national``, ``staffordshire`` and ``wiltshire``.

Each is a declarative plug-in file in this package (``wiltshire.toml``) with a small
loader module (``wiltshire.py``) that adds the reporting obligations declared with the
obligations code, registered in the ``corpparent.authorities`` entry-point group as
``corpparent.authorities.wiltshire:profile``. Load them with
:func:`corpparent.plugins.load_profile`. Every figure cites its source clause in a
``source`` field (``"002 §30"``: document 002, paragraph 30), and each file's
``[[documents]]`` names the documents cited.
"""
