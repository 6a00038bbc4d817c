"""The engine's version, in one place: results, the cache key and `--version` read it from here."""

__version__ = "0.1.0"
