"""Table mechanics every reader shares: opening a file within bounds, CSV rows, workbook
sheets, JSON and TOML documents with the line of every key, records validated row by
row, and problems placed at the file, line and field they are found in.

Private to [`corpparent.files`][corpparent.files]: the readers of the panel's files, the plug-in
format and the DfE's files are built on it, and it imports none of them.
"""
