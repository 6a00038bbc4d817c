"""Small utilities with no knowledge of the language: atomic file writes, a GC pause."""
