"""Modal screens of the reader: help, note editor, export prompt, confirmation."""
