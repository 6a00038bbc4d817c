"""The controlled vocabulary, defined once.

Every word the languages accept in a vocabulary position is listed here with
a one-line meaning; validation checks against these tables and offers a
did-you-mean, renderers use the meanings as help text.  Adding a word is a
schema change: bump ``VOCABULARY_VERSION``.
"""

from __future__ import annotations

VOCABULARY_VERSION = "1"

TOPICS: dict[str, str] = {
    # digital trade
    "customs-duties": "customs duties on electronic transmissions",
    "digital-products-non-discrimination": "non-discriminatory treatment of digital products",
    "cross-border-data": "cross-border transfer of information by electronic means",
    "computing-facilities": "location of computing facilities",
    "financial-computing-facilities": "location of computing facilities for financial services",
    "source-code": "transfer of, or access to, source code of software",
    "personal-information": "protection of personal information",
    "consumer-protection": "online consumer protection",
    "unsolicited-messages": "unsolicited commercial electronic messages",
    "electronic-authentication": "electronic authentication and electronic signatures",
    "electronic-transactions-framework": "domestic electronic transactions framework",
    "paperless-trading": "paperless trading (trade administration documents)",
    "electronic-invoicing": "electronic invoicing",
    "electronic-payments": "electronic payments",
    "single-window": "single window for trade",
    "internet-access": "access to and use of the Internet",
    "interconnection-charges": "Internet interconnection charge sharing",
    "cybersecurity": "cooperation on cybersecurity",
    "interactive-computer-services": "interactive computer services (intermediary liability)",
    "open-government-data": "open government data",
    "ict-cryptography": "ICT goods that use cryptography",
    "digital-identities": "digital identities",
    "artificial-intelligence": "artificial intelligence",
    "data-innovation": "data innovation and regulatory sandboxes",
    "fintech": "financial technology cooperation",
    "sme-cooperation": "small and medium-sized enterprises",
    "digital-inclusion": "digital inclusion",
    "cooperation": "general cooperation on electronic commerce",
    "transparency": "transparency of measures on electronic commerce",
    "telecommunications": "telecommunications services and networks",
    "institutional": "committees, contact points, review and other institutional provisions",
    "definitions": "definitions",
    "scope": "scope and general provisions",
    "dispute-resolution": "dispute settlement provisions (the article on settling disputes)",
    "exceptions": "general, security and other exceptions",
    # beyond e-commerce: the CPTPP "21st-century norms"
    "technology-transfer-requirements": "technology transfer as a performance requirement for investment",
    "express-shipments": "release of express shipments",
    "soe-non-commercial-assistance": "non-commercial assistance to state-owned enterprises",
    "counterfeit-enforcement": "enforcement against counterfeit and pirated goods",
}

STRENGTHS: dict[str, str] = {
    "absent": "no article says anything on the topic",
    "hortatory": "recognises importance or says a Party 'may' (no commitment)",
    "best-endeavour": "'shall endeavour', 'shall seek to': an effort, not a result",
    "binding": "'shall' or 'no Party shall': a legal obligation",
}
STRENGTH_ORDER: tuple[str, ...] = ("absent", "hortatory", "best-endeavour", "binding")

FORMS: dict[str, str] = {
    "obligation": "an obligation to allow or to do ('each Party shall allow')",
    "prohibition": "a prohibition on requiring or preventing ('no Party shall require')",
}

SCOPE_ITEMS: dict[str, str] = {
    "financial-services": "financial services and financial institutions",
    "government-procurement": "government procurement",
    "government-information": "information held or processed by or for a Party",
    "broadcasting": "broadcasting",
    "critical-infrastructure": "software used for critical infrastructure",
    "algorithms": "algorithms expressed in source code",
    "existing-measures": "non-conforming measures in force when the agreement took effect",
}

SOFTWARE_COVERAGE: dict[str, str] = {
    "mass-market-only": "only mass-market software or products containing it",
    "all": "all software",
}

EXCEPTION_KINDS: dict[str, str] = {
    "public-policy": "measures to achieve a legitimate public policy objective",
    "essential-security": "measures a Party considers necessary for its essential security",
    "general": "general exceptions incorporated from GATT Art. XX / GATS Art. XIV",
    "prudential": "prudential measures for financial services",
    "taxation": "taxation measures",
    "non-conforming-measures": "measures scheduled as non-conforming or outside commitments",
}

EXCEPTION_QUALIFIERS: dict[str, str] = {
    "self-judging": "the Party itself decides whether the measure is necessary",
    "non-disputable": "invoking it 'shall not be disputed by other Parties'",
    "no-arbitrary-discrimination": "not applied as arbitrary or unjustifiable discrimination",
    "no-disguised-restriction": "not a disguised restriction on trade",
    "no-greater-than-necessary": "restrictions no greater than required to achieve the objective",
    "gatt-xx": "incorporates GATT 1994 Article XX",
    "gats-xiv": "incorporates GATS Article XIV",
}
OBJECTIVE_CONDITIONS = frozenset(
    {"no-arbitrary-discrimination", "no-disguised-restriction", "no-greater-than-necessary"}
)

DISPUTE_SETTLEMENT_MODES: dict[str, str] = {
    "applies": "the agreement's dispute settlement applies",
    "excluded": "no Party may have recourse to dispute settlement",
    "shielded": "named Parties are shielded from dispute settlement for a period",
}

VERIFICATION_LEVELS: dict[str, str] = {
    "text": "checked against a treaty text in shared/texts, quotes verbatim",
    "secondary": "encoded from a secondary source (summary, commentary)",
    "unverified": "encoded from general knowledge, not checked against a text",
    "auto": "suggested by the importer's auto-coding rules, not reviewed",
}

AGREEMENT_KINDS: dict[str, str] = {
    "fta": "free trade agreement",
    "epa": "economic partnership agreement",
    "cepa": "comprehensive economic partnership agreement",
    "digital-economy": "digital economy / digital partnership agreement",
    "digital-trade": "stand-alone digital trade agreement",
    "plurilateral": "plurilateral agreement",
    "multilateral": "multilateral agreement",
    "protocol": "protocol amending another agreement",
    "other": "other kind of agreement",
}

STATUSES: dict[str, str] = {
    "draft": "a working draft",
    "proposed": "proposed, not concluded",
    "concluded": "negotiations concluded, text stabilised, not signed",
    "signed": "signed, not in force",
    "in-force": "in force",
    "terminated": "no longer in force",
}

GRADES: dict[str, str] = {
    "met": "an article meets every requirement for every party on the date",
    "partial": "an article addresses the topic but some requirement fails",
    "unmet": "no article addresses the topic, or an essential requirement fails",
    "not-applicable": "the party whose position is taken is not a party to the agreement",
}
GRADE_ORDER: tuple[str, ...] = ("unmet", "partial", "met")

# Things an amendment may remove from an article: `remove exception public-policy`.
REMOVABLE: dict[str, str] = {
    "exception": "an exception, by kind",
    "transition": "every transition period",
    "reservation": "every reservation",
    "contingent": "the contingency",
    "dispute-settlement": "the article-level dispute-settlement statement",
    "scope": "a scope statement, by item",
    "software": "the software-coverage statement",
    "topic": "a topic",
}

# Predicates of the norm language: name -> (argument vocabulary, meaning).
PREDICATES: dict[str, tuple[tuple[str, ...], str]] = {
    "strength": (("at-least", "STRENGTH"), "the commitment is at least this strong"),
    "form": (("FORM",), "the commitment has this form"),
    "enforceable": ((), "dispute settlement applies to the article, for every party, on the date"),
    "exception": (("KIND-OR-ANY", "QUALIFIER..."), "an exception of this kind with these qualifiers applies"),
    "covers": (("SCOPE",), "the article expressly covers this"),
    "excludes": (("SCOPE",), "the article excludes this from its scope"),
    "software": (("SOFTWARE",), "the software the article covers"),
    "contingent": ((), "the commitment depends on something outside the agreement"),
    "binds-all-parties": ((), "no transition, reservation or later entry into force on the date"),
    "in-force": ((), "the agreement is in force on the date"),
}
