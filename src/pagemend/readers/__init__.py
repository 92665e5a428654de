"""Readers: each turns one input format into a :class:`~pagemend.model.Document` of pages
of lines, and nothing more."""

from pagemend.readers.text import read_bytes, read_folder, read_path, read_text

__all__ = ["read_bytes", "read_folder", "read_path", "read_text"]
