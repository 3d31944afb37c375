"""The output formats' writers, one module per format, each registered once in
:mod:`corpparent.report.formats`. The terminal, Markdown, HTML and Word writers write the
report's :class:`~corpparent.report.document.Document`; the data formats (JSON and the
tidy tables) write the report model."""
