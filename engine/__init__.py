"""tradegap: a rules-based trade-agreement comparison engine."""

__version__ = "0.1.0"
