"""The controlled vocabulary, defined once: every word with its meaning, as enums.

Each vocabulary is a :class:`Word` enum (an ``enum.StrEnum``): a member *is* its DSL word and its JSON
string (``Grade.MET == "met"``), and carries a one-line ``meaning``.  Consumers compare against members
(``art.strength is Strength.BINDING`` or ``== Strength.BINDING``), never against string literals.
Ordered vocabularies (strengths, grades) have an explicit ``rank``: a plain ``StrEnum`` would compare
alphabetically ("binding" < "hortatory").

The *written* model keeps the words as the author wrote them (plain ``str``), so that ``check`` can
report an unknown word with a did-you-mean; validation checks them against these enums.  The dict
tables at the end (``STRENGTHS``, ``GRADES`` ...) are views of the enums for did-you-mean and
``tradegap list``.  Adding a word is a schema change: bump ``VOCABULARY_VERSION``.
"""

from __future__ import annotations

import enum
import sys
from typing import Mapping, TypeVar

if sys.version_info >= (3, 11):
    from enum import StrEnum
else:  # pragma: no cover - Python 3.10
    class StrEnum(str, enum.Enum):
        """``enum.StrEnum`` of Python 3.11."""

        def __str__(self) -> str:
            return str(self.value)

VOCABULARY_VERSION = "3"


class Word(StrEnum):
    """A word of a vocabulary with its meaning: ``Member = "word", "meaning"``."""

    meaning: str

    def __new__(cls, value: str, meaning: str = "") -> "Word":
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.meaning = meaning
        return obj


class Ranked(Word):
    """A word whose vocabulary is ordered weakest first; ``rank`` is its position."""

    @property
    def rank(self) -> int:
        return type(self)._member_names_.index(self.name)  # definition order, without building a list

    @classmethod
    def rank_of(cls, word: str) -> int:
        """The rank of a word as written (``-1`` for a word outside the vocabulary)."""
        try:
            return cls(word).rank
        except ValueError:
            return -1


W = TypeVar("W", bound=Word)


def table(words: type[W]) -> dict[str, str]:
    """word -> meaning, in the enum's order (for did-you-mean and `tradegap list`)."""
    return {w.value: w.meaning for w in words}


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
    "performance-requirements": "performance requirements on investment in general (export, local content, TRIMs)",
    "express-shipments": "release of express shipments",
    "soe-non-commercial-assistance": "non-commercial assistance to state-owned enterprises",
    "counterfeit-enforcement": "enforcement against counterfeit and pirated goods",
    # supply-chain resilience: the goals of the IPEF supply-chain pillar and the instruments that pursue them
    "critical-goods-identification": "identifying or co-designating critical sectors, key goods and critical materials",
    "supply-chain-investment": "promoting investment in critical sectors and supply chains (joint financing, matching)",
    "supply-chain-information-sharing": "sharing information on supply chains, their vulnerabilities and disruptions",
    "crisis-response": "responding together to a supply-chain disruption (emergency channels, requests for help)",
    "supply-chain-logistics": "logistics, transport and connectivity for supply chains (ports, corridors)",
    "supply-chain-labour-rights": "labour rights in supply chains and the voice of workers in supply-chain bodies",
    "supply-chain-transparency": "transparency of supply chains and mapping of their risks and dependencies",
    "critical-minerals": "trade and cooperation in critical minerals (processing, recycling, standards)",
    "critical-goods-export-restrictions": "export duties and export restrictions on critical goods and materials",
    "supply-chain-bodies": "supply-chain councils, crisis networks, joint stockpiles and other cooperation bodies",
}


class Strength(Ranked):
    """How strong a commitment is, weakest first."""

    ABSENT = "absent", "no article says anything on the topic"
    HORTATORY = "hortatory", "recognises importance or says a Party 'may' (no commitment)"
    BEST_ENDEAVOUR = "best-endeavour", "'shall endeavour', 'shall seek to': an effort, not a result"
    BINDING = "binding", "'shall' or 'no Party shall': a legal obligation"


class Form(Word):
    """What shape a commitment takes."""

    OBLIGATION = "obligation", "an obligation to allow or to do ('each Party shall allow')"
    PROHIBITION = "prohibition", "a prohibition on requiring or preventing ('no Party shall require')"
    AFFIRMATION = "affirmation", ("'the Parties affirm their level of commitments': commitments made elsewhere "
                                  "restated; what it adds of its own, and its enforceability, are uncertain")


class ScopeItem(Word):
    """What an article's scope may expressly cover or exclude."""

    FINANCIAL_SERVICES = "financial-services", "financial services and financial institutions"
    GOVERNMENT_PROCUREMENT = "government-procurement", "government procurement"
    GOVERNMENT_INFORMATION = "government-information", "information held or processed by or for a Party"
    BROADCASTING = "broadcasting", "broadcasting"
    CRITICAL_INFRASTRUCTURE = "critical-infrastructure", "software used for critical infrastructure"
    ALGORITHMS = "algorithms", "algorithms expressed in source code"
    EXISTING_MEASURES = "existing-measures", "non-conforming measures in force when the agreement took effect"
    NEGOTIATED_CONTRACTS = "negotiated-contracts", "terms (e.g. on source code) in commercially negotiated contracts"
    COMPLIANCE_MODIFICATION = "compliance-modification", ("a Party requiring software (its source code) to be "
                                                          "modified to comply with laws consistent with the agreement")
    PATENT_REQUIREMENTS = "patent-requirements", ("requirements on patent applications or granted patents, court "
                                                  "orders in patent disputes included")


class ScopeMode(Word):
    """Whether a scope statement brings something in or takes it out."""

    COVERS = "covers", "the article expressly covers this"
    EXCLUDES = "excludes", "the article excludes this from its scope"


class SoftwareCoverage(Word):
    """Which software a source-code article protects."""

    MASS_MARKET_ONLY = "mass-market-only", "only mass-market software or products containing it"
    ALL = "all", "all software"


class ExceptionKind(Word):
    """The kinds of exception an article or chapter may carry."""

    PUBLIC_POLICY = "public-policy", "measures to achieve a legitimate public policy objective"
    ESSENTIAL_SECURITY = "essential-security", "measures a Party considers necessary for its essential security"
    GENERAL = "general", "general exceptions incorporated from GATT Art. XX / GATS Art. XIV"
    PRUDENTIAL = "prudential", "prudential measures for financial services"
    TAXATION = "taxation", "taxation measures"
    NON_CONFORMING_MEASURES = "non-conforming-measures", ("measures a Party lists as non-conforming (a negative "
                                                          "list: only what is listed is carved out)")
    UNCOMMITTED_SECTORS = "uncommitted-sectors", ("sectors a Party scheduling a positive list has not committed: "
                                                  "the article does not apply there at all")


ANY_EXCEPTION = "any"  # `exception any self-judging` in the norm language: an exception of any kind


class Qualifier(Word):
    """What limits (or widens) an exception."""

    SELF_JUDGING = "self-judging", "the Party itself decides whether the measure is necessary"
    NON_DISPUTABLE = "non-disputable", "invoking it 'shall not be disputed by other Parties'"
    NO_ARBITRARY_DISCRIMINATION = "no-arbitrary-discrimination", "not applied as arbitrary or unjustifiable discrimination"
    NO_DISGUISED_RESTRICTION = "no-disguised-restriction", "not a disguised restriction on trade"
    NO_GREATER_THAN_NECESSARY = "no-greater-than-necessary", "restrictions no greater than required to achieve the objective"
    GATT_XX = "gatt-xx", "incorporates GATT 1994 Article XX"
    GATS_XIV = "gats-xiv", "incorporates GATS Article XIV"


OBJECTIVE_CONDITIONS = frozenset(
    {Qualifier.NO_ARBITRARY_DISCRIMINATION, Qualifier.NO_DISGUISED_RESTRICTION, Qualifier.NO_GREATER_THAN_NECESSARY}
)


class DsMode(Word):
    """Whether the agreement's dispute settlement reaches an article."""

    APPLIES = "applies", "the agreement's dispute settlement applies"
    EXCLUDED = "excluded", "no Party may have recourse to dispute settlement"
    SHIELDED = "shielded", "named Parties are shielded from dispute settlement for a period"


class Verification(Word):
    """How an encoding was checked."""

    TEXT = "text", "checked against a treaty text in shared/texts, quotes verbatim"
    SECONDARY = "secondary", "encoded from a secondary source (summary, commentary)"
    UNVERIFIED = "unverified", "encoded from general knowledge, not checked against a text"
    AUTO = "auto", "suggested by the importer's auto-coding rules, not reviewed"


class AgreementKind(Word):
    """What kind of agreement it is."""

    FTA = "fta", "free trade agreement"
    EPA = "epa", "economic partnership agreement"
    CEPA = "cepa", "comprehensive economic partnership agreement"
    DIGITAL_ECONOMY = "digital-economy", "digital economy / digital partnership agreement"
    DIGITAL_TRADE = "digital-trade", "stand-alone digital trade agreement"
    PLURILATERAL = "plurilateral", "plurilateral agreement"
    MULTILATERAL = "multilateral", "multilateral agreement"
    PROTOCOL = "protocol", "protocol amending another agreement"
    OTHER = "other", "other kind of agreement"


class Status(Word):
    """Where an agreement stands."""

    DRAFT = "draft", "a working draft"
    PROPOSED = "proposed", "proposed, not concluded"
    CONCLUDED = "concluded", "negotiations concluded, text stabilised, not signed"
    SIGNED = "signed", "signed, not in force"
    IN_FORCE = "in-force", "in force"
    TERMINATED = "terminated", "no longer in force"


class Grade(Ranked):
    """The grade of an agreement against a norm, worst first (``not-applicable`` stands apart)."""

    UNMET = "unmet", "no article addresses the topic, or an essential requirement fails"
    PARTIAL = "partial", "an article addresses the topic but some requirement fails"
    MET = "met", "an article meets every requirement for every party on the date"
    NOT_APPLICABLE = "not-applicable", "the party whose position is taken is not a party to the agreement"
    NOT_ENCODED = "not-encoded", ("the encoding does not cover the part of the treaty where such a rule would "
                                  "stand, so the engine cannot tell")


class Part(Word):
    """The parts of a treaty an encoding may cover: the kinds of chapter where rules stand."""

    ELECTRONIC_COMMERCE = "electronic-commerce", "electronic commerce / digital trade"
    FINANCIAL_SERVICES = "financial-services", "financial services"
    TELECOMMUNICATIONS = "telecommunications", "telecommunications"
    INVESTMENT = "investment", "investment (performance requirements included)"
    CUSTOMS = "customs", "customs procedures and trade facilitation"
    STATE_OWNED_ENTERPRISES = "state-owned-enterprises", "state-owned enterprises and designated monopolies"
    INTELLECTUAL_PROPERTY = "intellectual-property", "intellectual property (enforcement included)"
    EXCEPTIONS = "exceptions", "general, security and other exceptions"
    # spelled like the topic, not like the `dispute-settlement` statement keyword, so that it can stand in a list
    DISPUTE_SETTLEMENT = "dispute-resolution", "the settlement of disputes between the Parties"
    INSTITUTIONAL = "institutional", "institutional and final provisions"
    TRADE_IN_GOODS = "trade-in-goods", "national treatment and market access for goods (export duties and restrictions)"
    SUPPLY_CHAINS = "supply-chains", "supply-chain resilience and cooperation on critical goods and materials"
    LABOUR = "labour", "labour rights and the role of workers"


COMPLETE = "complete"  # `coverage complete`: the encoding covers every part of the treaty


# The part of a treaty where the rules on each topic stand (a norm on a topic in a part the encoding does not
# cover is `not-encoded`, never `unmet`).  Every topic has one; a test keeps the table complete.
TOPIC_PART: Mapping[str, Part] = {
    **{t: Part.ELECTRONIC_COMMERCE for t in (
        "customs-duties", "digital-products-non-discrimination", "cross-border-data", "computing-facilities",
        "source-code", "personal-information", "consumer-protection", "unsolicited-messages",
        "electronic-authentication", "electronic-transactions-framework", "paperless-trading",
        "electronic-invoicing", "electronic-payments", "single-window", "internet-access",
        "interconnection-charges", "cybersecurity", "interactive-computer-services", "open-government-data",
        "ict-cryptography", "digital-identities", "artificial-intelligence", "data-innovation", "fintech",
        "sme-cooperation", "digital-inclusion", "cooperation", "transparency", "definitions", "scope")},
    "financial-computing-facilities": Part.FINANCIAL_SERVICES,
    "telecommunications": Part.TELECOMMUNICATIONS,
    "institutional": Part.INSTITUTIONAL,
    "dispute-resolution": Part.DISPUTE_SETTLEMENT,
    "exceptions": Part.EXCEPTIONS,
    "technology-transfer-requirements": Part.INVESTMENT,
    "performance-requirements": Part.INVESTMENT,
    "express-shipments": Part.CUSTOMS,
    "soe-non-commercial-assistance": Part.STATE_OWNED_ENTERPRISES,
    "counterfeit-enforcement": Part.INTELLECTUAL_PROPERTY,
    **{t: Part.SUPPLY_CHAINS for t in (
        "critical-goods-identification", "supply-chain-investment", "supply-chain-information-sharing",
        "crisis-response", "supply-chain-logistics", "supply-chain-transparency", "critical-minerals",
        "supply-chain-bodies")},
    "supply-chain-labour-rights": Part.LABOUR,
    "critical-goods-export-restrictions": Part.TRADE_IN_GOODS,
}


class Force(Word):
    """Whether the text binds anyone on the date of an evaluation."""

    IN_FORCE = "in-force", "in force on the date (for each party from its own entry into force)"
    NOT_IN_FORCE = "not-in-force", "concluded or signed but not in force on the date: binds no one; graded as written"
    HYPOTHETICAL = "hypothetical", "a draft or proposal: binds no one; graded as written"
    TERMINATED = "terminated", "no longer in force: binds no one; graded as written"
    UNKNOWN = "unknown", "whether and since when it is in force is not encoded"


class UnmetBecause(Word):
    """Why a finding is unmet."""

    NO_ARTICLE = "no-article", "no article addresses the norm's topic"
    ESSENTIAL_REQUIREMENT = "essential-requirement", "the best article fails a requirement marked essential"


class HeldReason(Word):
    """Why a commitment does not (yet) bind a party on the date, or cannot be enforced against it."""

    TRANSITION = "transition", "transition period"
    RESERVATION = "reservation", "reservation"
    NOT_IN_FORCE = "not-in-force", "the agreement is not yet in force for it"
    SHIELDED = "shielded", "shielded from dispute settlement"
    ENTRY_UNKNOWN = "entry-unknown", "its entry into force is not known"


class Removable(Word):
    """What an amendment may remove from an article: ``remove exception public-policy``."""

    EXCEPTION = "exception", "an exception, by kind"
    TRANSITION = "transition", "every transition period"
    RESERVATION = "reservation", "every reservation"
    CONTINGENT = "contingent", "the contingency"
    DISPUTE_SETTLEMENT = "dispute-settlement", "the article-level dispute-settlement statement"
    SCOPE = "scope", "a scope statement, by item"
    SOFTWARE = "software", "the software-coverage statement"
    TOPIC = "topic", "a topic"
    COMMITMENT = "commitment", ("the general commitment, or (`remove commitment TOPIC`) the commitment written "
                                "for one topic")


class Numbering(Word):
    """How a treaty numbers its articles (``numbering per-chapter``)."""

    AGREEMENT_WIDE = "agreement-wide", "article numbers are unique in the agreement (the default)"
    PER_CHAPTER = "per-chapter", ("each chapter numbers its articles from 1, as SAFTA 2003 does: an article is "
                                  "cited with its chapter (Ch. 14, Art. 3)")


class Severity(Word):
    """How serious a diagnostic is."""

    ERROR = "error", "the input cannot be used as it is (exit 2)"
    WARNING = "warning", "advice: the input is used, but something is likely missing"


class ChangeStatus(Word):
    """What happened to an article between two versions (``tradegap diff``)."""

    ADDED = "added", "the article is new"
    REMOVED = "removed", "the article is gone"
    CHANGED = "changed", "the article is in both, with different coding"


class Effect(Word):
    """What a change or a draft does to a grade (``tradegap diff`` and ``tradegap pair --with``)."""

    CLOSES = "closes", "the gap is closed: the norm is now met"
    OPENS = "opens", "a gap is opened: the norm was met and no longer is"
    NARROWS = "narrows", "the gap narrows: the grade rises but the norm is not met"
    WIDENS = "widens", "the gap widens: the grade falls"
    CHANGES = "changes", "the grade stays, the reasons change"


class Lens(Word):
    """How a comparison's cells are read."""

    GRADE = "grade", "by the finding's grade and score"
    STRENGTH = "strength", ("by the decisive article's strength: binding is hard, best-endeavour or hortatory "
                            "soft, whether or not dispute settlement reaches it")


class Hardness(Word):
    """A commitment's strength in two words (the ASEAN DEAL depository's colour code)."""

    HARD = "hard", "binding ('shall'), whether or not dispute settlement reaches it"
    SOFT = "soft", "best endeavour or hortatory: an effort or a recognition, not a result"
    NONE = "none", "no article on the topic"


class RowKind(Word):
    """What a row of a comparison stands for."""

    NORM = "norm", "a norm of a norm set, graded in every column"
    TOPIC = "topic", "a topic: the strongest article on it in every column"


class QualifierKind(Word):
    """What a comparison cell says about an article in context (``tradegap compare``)."""

    STRENGTH = "strength", "how strong the commitment is"
    EXCEPTION = "exception", "an exception that applies"
    DISPUTE_SETTLEMENT = "dispute-settlement", "dispute settlement excluded, or parties shielded"
    TRANSITION = "transition", "a transition period for some parties"
    RESERVATION = "reservation", "a reservation of some parties"
    NOT_IN_FORCE = "not-in-force", "not yet in force for some parties"
    CONTINGENT = "contingent", "the commitment depends on something outside the agreement"
    EXCLUDES = "excludes", "what the article excludes"
    COVERS = "covers", "what the article expressly covers"
    SOFTWARE = "software", "which software is covered"


# ---------------------------------------------------------------- tables (views of the enums)

STRENGTHS: Mapping[str, str] = table(Strength)
STRENGTH_ORDER: tuple[str, ...] = tuple(Strength)
FORMS: Mapping[str, str] = table(Form)
SCOPE_ITEMS: Mapping[str, str] = table(ScopeItem)
SOFTWARE_COVERAGE: Mapping[str, str] = table(SoftwareCoverage)
EXCEPTION_KINDS: Mapping[str, str] = table(ExceptionKind)
EXCEPTION_QUALIFIERS: Mapping[str, str] = table(Qualifier)
DISPUTE_SETTLEMENT_MODES: Mapping[str, str] = table(DsMode)
VERIFICATION_LEVELS: Mapping[str, str] = table(Verification)
AGREEMENT_KINDS: Mapping[str, str] = table(AgreementKind)
STATUSES: Mapping[str, str] = table(Status)
GRADES: Mapping[str, str] = {g.value: g.meaning for g in (Grade.MET, Grade.PARTIAL, Grade.UNMET, Grade.NOT_APPLICABLE,
                                                           Grade.NOT_ENCODED)}
PARTS: Mapping[str, str] = table(Part)
GRADE_ORDER: tuple[str, ...] = (Grade.UNMET, Grade.PARTIAL, Grade.MET)
REMOVABLE: Mapping[str, str] = table(Removable)
NUMBERINGS: Mapping[str, str] = table(Numbering)
