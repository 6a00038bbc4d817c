"""The words of the language as enums, each with its ``meaning`` (see :mod:`engine.language.vocab`)."""

from engine.language.vocab import (AgreementKind, ChangeStatus, DsMode, Effect, ExceptionKind, Form, Grade,
                                   HeldReason, Qualifier, QualifierKind, Removable, ScopeItem, ScopeMode,
                                   Severity, SoftwareCoverage, Status, Strength, UnmetBecause, Verification)

__all__ = [
    "AgreementKind", "ChangeStatus", "DsMode", "Effect", "ExceptionKind", "Form", "Grade", "HeldReason",
    "Qualifier", "QualifierKind", "Removable", "ScopeItem", "ScopeMode", "Severity", "SoftwareCoverage", "Status",
    "Strength", "UnmetBecause", "Verification",
]
