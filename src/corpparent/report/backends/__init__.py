"""The output formats' writers, one module per format, each registered once in
`corpparent.report.formats`. The terminal, Markdown, HTML and Word writers write the
report's `Document`; the data formats (JSON and the
tidy tables) write the report model."""
