"""Widgets of the reader, one concern each."""
