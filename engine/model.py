"""The parsed model in one public place: what ``engine.parse`` and ``engine.load`` read agreements,
norm sets and expectations into (frozen attrs classes; spans are left out of equality).

The words of the language (topics, strengths, grades ...) are the enums of :mod:`engine.vocabulary`.
"""

from engine.language.model import (Agreement, All, Amendment, Any_, Article, Atom, Chapter, Citation, Comment,
                                   Commitment, Contingency, DisputeSettlement, Document, Exception_, Expectation,
                                   Norm, NormSet, Not, Note, Omission, PartyEntry, Period, Predicate, Quote,
                                   Removal, Requirement, Reservation, Scope, Software, Span, Transition)

__all__ = [
    "Agreement", "All", "Amendment", "Any_", "Article", "Atom", "Chapter", "Citation", "Comment", "Commitment",
    "Contingency", "DisputeSettlement", "Document", "Exception_", "Expectation", "Norm", "NormSet", "Not", "Note",
    "Omission", "PartyEntry", "Period", "Predicate", "Quote", "Removal", "Requirement", "Reservation", "Scope",
    "Software", "Span", "Transition",
]
