"""What a diagnostic is, and every code and message tradegap can give, defined once.

A :class:`Diagnostic` is one problem found in the input.  A :class:`Code`
is a stable id (``E0201``) with a title and an input that triggers it; its
severity follows from its letter (E: error, W: warning).
A :class:`Message` is one thing a call site says under a code: a
``str.format`` template for the message and, optionally, one for the hint.
Call sites pass only data::

    C.UNKNOWN_PARTY_CODE.at(span, code=code, focus=code)

so a mistyped name is a ``NameError``, not a new code.  :data:`CODES` and
:data:`MESSAGES` are collected from the constants below;
:func:`engine.language.diagnostics.codes_markdown` writes docs/diagnostics.md
from them.
"""

from __future__ import annotations

import re
from typing import Iterable, Optional, TypeVar

from engine.language import vocab as V
from engine.language.model import NO_SPAN, Span
from engine.util.records import Record, field


class Diagnostic(Record):
    """A problem found in the input: stable code, severity, message, span, hint, secondary spans."""

    code: str
    message: str
    span: Span = NO_SPAN
    severity: V.Severity = V.Severity.ERROR
    hint: Optional[str] = None
    secondary: tuple[tuple[Span, str], ...] = ()
    focus: Optional[str] = field(default=None, eq=False, repr=False)

    @property
    def is_error(self) -> bool:
        """Whether this is an error (a warning is not)."""
        return self.severity == V.Severity.ERROR


def did_you_mean(word: str, known: Iterable[str]) -> Optional[str]:
    """``did you mean `x`?`` for the closest known word, or None."""
    import difflib  # imported here: only a misspelling needs it

    close = difflib.get_close_matches(word, sorted(known), n=1, cutoff=0.6)
    return f"did you mean `{close[0]}`?" if close else None


_ID = re.compile(r"[EW]0\d{3}")


class Code(Record):
    """A stable diagnostic code, its title and an input that triggers it (shown in docs/diagnostics.md)."""

    id: str
    title: str
    example: str

    def __post_init__(self) -> None:
        if not _ID.fullmatch(self.id):
            raise ValueError(f"a diagnostic code is E or W and four digits, not {self.id!r}")

    @property
    def severity(self) -> V.Severity:
        """E codes are errors, W codes warnings."""
        return V.Severity.ERROR if self.id.startswith("E") else V.Severity.WARNING


class Message(Record):
    """One message under a code: a ``str.format`` template and an optional hint template.

    A hint that must be computed (a did-you-mean) is given at the call site and
    replaces the template's.
    """

    code: Code
    template: str
    hint: Optional[str] = None

    def fields(self) -> set[str]:
        """The names the templates expect."""
        import string  # imported here: only the documentation and the tests ask (its Template compiles a pattern)

        texts = [self.template] + ([self.hint] if self.hint is not None else [])
        return {name.split(".")[0].split("[")[0]
                for text in texts for _, name, _, _ in string.Formatter().parse(text) if name}

    def at(self, span: Span = NO_SPAN, *, hint: Optional[str] = None,
           secondary: tuple[tuple[Span, str], ...] = (), focus: Optional[str] = None,
           **fields: object) -> Diagnostic:
        """The diagnostic at ``span``; ``focus`` is the word within it that the caret should point at.

        Raises:
            KeyError: a field of the templates is not given.
        """
        if hint is None and self.hint is not None:
            hint = self.hint.format(**fields)
        return Diagnostic(self.code.id, self.template.format(**fields), span, self.code.severity, hint,
                          secondary, focus)

    def unknown(self, span: Span, what: str, word: str, known: Iterable[str]) -> Diagnostic:
        """An 'unknown X' diagnostic: a did-you-mean, else the known words (at most 12) as the hint."""
        words = sorted(known)
        shown = ", ".join(words[:12]) + (", ..." if len(words) > 12 else "")
        return self.at(span, hint=did_you_mean(word, words), focus=word, what=what, word=word, known=shown)


# ---------------------------------------------------------------- E00xx: reading files

FILE_UNREADABLE = Code("E0001", "file cannot be read", "a path that does not exist")
FILE_NOT_UTF8 = Code("E0002", "file is not valid UTF-8", "a Latin-1 file with an accented title")
FILE_TOO_LARGE = Code("E0003", "file too large", "a file over the size limit")
NESTING_TOO_DEEP = Code("E0004", "nesting too deep", "a predicate with hundreds of nested parentheses")
SPECIAL_FILE = Code("W0005", "not a regular file: skipped", "a FIFO named `x.agr` in a folder given to `check`")

NO_SUCH_PATH = Message(FILE_UNREADABLE, "no such file or folder",
                       "give a path to a .agr, .norms or .expect file, or a folder of them")
NO_TREATY_TEXT = Message(FILE_UNREADABLE, "no treaty text `{name}` in {folders}",
                         "put the text in the texts folder, or correct `source`")
CANNOT_READ = Message(FILE_UNREADABLE, "cannot read file: {reason}")
CANNOT_WRITE = Message(FILE_UNREADABLE, "cannot write file: {reason}")
WRITE_TO_A_FOLDER = Message(FILE_UNREADABLE, "this is a folder; the output is written to a file",
                            "name a file in it, such as {example}")
WRITE_NO_FOLDER = Message(FILE_UNREADABLE, "folder `{folder}` does not exist",
                          "create the folder first, or write the output elsewhere")
WRITE_OVER_INPUT = Message(FILE_UNREADABLE, "this is one of the inputs; writing the output here would replace it",
                           "choose another output file")
WRITE_TO_SPECIAL = Message(FILE_UNREADABLE, "this is {kind}; output goes to a file, a FIFO or a character device",
                           "choose another output file")
WRITE_NO_READER = Message(FILE_UNREADABLE, "this is a FIFO, and no program opened it for reading in {seconds} s",
                          "start the program that reads it first, e.g. `cat FIFO &`")
REWRITE_READ_ONLY = Message(FILE_UNREADABLE, "file is read-only; not rewritten",
                            "make it writable (chmod u+w) to format it in place")
REWRITE_OWNED = Message(FILE_UNREADABLE, "file belongs to user {uid}; rewriting it would change its owner",
                        "run the command as the file's owner")
NOT_REGULAR_SKIPPED = Message(SPECIAL_FILE, "this is {kind}, not a regular file; skipped",
                              "name it on the command line to read it anyway")
IMPORT_OF_A_FOLDER = Message(FILE_UNREADABLE, "this is a folder, not a file", "give one treaty file")
NOT_UTF8 = Message(FILE_NOT_UTF8, "file is not valid UTF-8", "save the file as UTF-8")
TEXT_TOO_LARGE = Message(FILE_TOO_LARGE, "file is larger than {limit_mib} MiB", "split the corpus into several files")
STREAM_TOO_LARGE = Message(FILE_TOO_LARGE, "this is {kind}, and it gives more than {limit_mib} MiB; not read",
                           "name a regular file of tradegap source")
SOURCE_TOO_LARGE = Message(FILE_TOO_LARGE, "file is {size_mib} MiB, larger than the {limit_mib} MiB limit",
                           "split the corpus into several files")
CONDITIONS_TOO_DEEP = Message(NESTING_TOO_DEEP, "conditions nested more than {limit} deep",
                              "split the requirement into several `require` lines")

# ---------------------------------------------------------------- E01xx: syntax

UNEXPECTED_CHARACTER = Code("E0101", "unexpected character", 'agreement x { kind fta; }')
UNEXPECTED_WORD = Code("E0102", "unexpected word or symbol", 'agreement x { chapter "Title" { } }')
UNEXPECTED_END = Code("E0103", "unexpected end of file", "agreement x {")
UNTERMINATED_STRING = Code("E0104", "unterminated string", 'agreement x "Title')

STRAY_CHARACTER = Message(UNEXPECTED_CHARACTER, "unexpected character `{shown}`", "expected {expected}")
STRAY_CAPITAL = Message(UNEXPECTED_CHARACTER, "unexpected character `{shown}`",
                        "party codes are 2 or 3 capital letters (JP, JPN); other words are lower-case")
STRAY_CHARACTER_ANYWHERE = Message(UNEXPECTED_CHARACTER, "unexpected character `{shown}`")
NUL_BYTE = Message(UNEXPECTED_CHARACTER, "file contains a NUL byte",
                   "this looks like a binary file, not tradegap source")
STRAY_TOKEN = Message(UNEXPECTED_WORD, "unexpected {kind} `{shown}`", "expected {expected} here")
CANNOT_PARSE = Message(UNEXPECTED_WORD, "cannot parse: {error}")
CANNOT_PARSE_FILE = Message(UNEXPECTED_WORD, "cannot parse this file: {error}")
FORMATTER_CHANGED_MEANING = Message(UNEXPECTED_WORD,
                                    "the formatter could not keep this file's meaning; it was left unchanged",
                                    "this is a bug in tradegap; please report it")
END_IN_BLOCK = Message(UNEXPECTED_END, "the file ends before the statement is complete",
                       "a block is not closed: check that every `{{` has its `}}`")
UNCLOSED_BRACE = Message(UNEXPECTED_END, "the `{{` of {owner} is never closed",
                        "add its `}}`; the file ends while this block is still open")
END_IN_STATEMENT = Message(UNEXPECTED_END, "the file ends before the statement is complete", "expected {expected}")
STRING_NOT_CLOSED = Message(UNTERMINATED_STRING, "this string is not closed on its line",
                            'strings end with `"` on the same line; write \\" for a quote inside one')

# ---------------------------------------------------------------- E02xx: vocabulary

UNKNOWN_TOPIC = Code("E0201", "unknown topic", "topic cross-border-date")
UNKNOWN_PARTY = Code("E0202", "unknown party code", "parties JP XX")
UNKNOWN_EXCEPTION = Code("E0203", "unknown exception kind or qualifier", "exception public-polcy")
UNKNOWN_SCOPE = Code("E0204", "unknown scope item or software coverage", "excludes finance")
BAD_PREDICATE = Code("E0205", "unknown predicate or wrong arguments", "require strenght at-least binding")
UNKNOWN_SETTING = Code("E0206", "unknown word for this setting", "status ratified")
INVALID_DATE = Code("E0207", "invalid date", "signed 2020-02-30")
NUMBER_TOO_LARGE = Code("E0208", "number too large", "transition KH years 99999")
UNKNOWN_PART = Code("E0209", "unknown part of a treaty", "coverage electronic-comerce")
NUMBER_OUT_OF_RANGE = Code("E0210", "number out of range", "expect rcep tpp3 partial score 60..20")

_UNKNOWN = "unknown {what} `{word}`"
_KNOWN = "known {what}s: {known}"
NO_SUCH_TOPIC = Message(UNKNOWN_TOPIC, _UNKNOWN, _KNOWN)
UNKNOWN_PARTY_CODE = Message(UNKNOWN_PARTY, "unknown party code `{code}`",
                             "use ISO 3166-1 alpha-2 (JP) or alpha-3 (JPN) codes")
NO_SUCH_EXCEPTION_WORD = Message(UNKNOWN_EXCEPTION, _UNKNOWN, _KNOWN)
NO_SUCH_SCOPE_WORD = Message(UNKNOWN_SCOPE, _UNKNOWN, _KNOWN)
NO_SUCH_PREDICATE_WORD = Message(BAD_PREDICATE, _UNKNOWN, _KNOWN)
WRONG_ARGUMENTS = Message(BAD_PREDICATE, "`{name}` does not take the arguments `{args}`", "write `{usage}`")
NO_SUCH_SETTING_WORD = Message(UNKNOWN_SETTING, _UNKNOWN, _KNOWN)
NOT_A_DATE = Message(INVALID_DATE, "`{text}` is not a valid date", "dates are written YYYY-MM-DD, for example 2022-01-01")
TOO_LARGE_FOR = Message(NUMBER_TOO_LARGE, "`{shown}` is too large for {what}", "{what} is at most {limit}")
NO_SUCH_PART = Message(UNKNOWN_PART, _UNKNOWN, _KNOWN)
WEIGHT_BELOW_ONE = Message(NUMBER_OUT_OF_RANGE, "a weight of {weight} counts for nothing",
                           "weights run from 1 to {limit}; leave `weight` out for the default 1, "
                           "or remove the requirement")
SCORE_RANGE_REVERSED = Message(NUMBER_OUT_OF_RANGE, "the score range {low}..{high} is empty: {low} is above {high}",
                               "write the lower score first: `score {high}..{low}`")
COUNTED_FROM_ONE = Message(NUMBER_OUT_OF_RANGE, "{what} {value} does not exist: they are counted from 1",
                           "write {what} 1 or higher")
SCORE_OUTSIDE_GRADE = Message(NUMBER_OUT_OF_RANGE, "a `{grade}` finding always scores {score}, outside {low}..{high}",
                              "widen the range to take in {score}, or leave `score` out")

# ---------------------------------------------------------------- E03xx: structure and cross-references

DUPLICATE_ARTICLE = Code("E0301", "duplicate article number", "two `article 14.11` in one agreement")
DUPLICATE_ID = Code("E0302", "duplicate id", "two agreements named `rcep`")
DATES_OUT_OF_ORDER = Code("E0303", "dates out of order", "in-force before signed")
NOT_A_PARTY = Code("E0304", "party named is not a party to the agreement", "transition US years 5 in RCEP")
UNKNOWN_AGREEMENT = Code("E0305", "unknown agreement", "based-on nosuch")
BASED_ON_CYCLE = Code("E0306", "cycle of based-on", "a based-on b, b based-on a")
NOT_IN_BASE = Code("E0307", "article or chapter not in the base", "amend article 99.9 { }")
GIVEN_TWICE = Code("E0308", "setting given twice", "two `signed` lines")
UNKNOWN_NORM = Code("E0309", "unknown norm set or norm", "expect rcep tpp9 met")
NOT_ALLOWED_HERE = Code("E0310", "statement not allowed here", "amend article 1 { } in an agreement without based-on")
OUTSIDE_ROOTS = Code("E0311", "reference outside the corpus roots", 'source "../../etc/passwd", or a symbolic link '
                     "in a folder that points out of it")
DEFINES_NOTHING = Code("E0312", "file defines nothing", "an empty file, or one holding only comments")
DUPLICATE_CHAPTER = Code("E0315", "duplicate chapter number", "two `chapter 1` in one agreement")
TOPIC_NOT_OF_ARTICLE = Code("E0314", "commitment for a topic the article does not have",
                            'article 1 { topic source-code  binding for cross-border-data "..." }')
AMBIGUOUS_ARTICLE = Code("E0313", "article number names more than one article",
                         "`amend article 3` in a draft whose base numbers its articles per chapter")

ARTICLE_WRITTEN_TWICE = Message(DUPLICATE_ARTICLE, "article {number} is written twice in `{agreement}`",
                                "article numbers are unique within an agreement; merge the two")
ARTICLE_TWICE_ACROSS_CHAPTERS = Message(
    DUPLICATE_ARTICLE, "article {number} is written twice in `{agreement}` (in chapters {first} and {second})",
    "article numbers are unique within an agreement unless it says `numbering per-chapter` (each chapter "
    "numbering its articles from 1); write that if the treaty does, else merge the two")
CHAPTER_WRITTEN_TWICE = Message(DUPLICATE_CHAPTER, "chapter {number} is written twice in `{agreement}`",
                                "a chapter is named by its number alone; merge the two, or write the second "
                                "`chapter unnumbered N` with a note saying how the source numbers it")
ARTICLE_TWICE_IN_CHAPTER = Message(DUPLICATE_ARTICLE, "article {number} is written twice in {where} of `{agreement}`",
                                   "in an agreement numbered per chapter, a number is unique within its chapter; "
                                   "merge the two")
NORM_DEFINED_TWICE = Message(DUPLICATE_ID, "norm `{norm_set}.{norm}` is defined twice", "give each norm its own id")
ID_DEFINED_TWICE = Message(DUPLICATE_ID, "{kind} `{id}` is defined twice",
                           "ids are unique across the files given; rename one")
IN_FORCE_BEFORE_SIGNED = Message(DATES_OUT_OF_ORDER, "entry into force {in_force} is before signature {signed}",
                                 "check both dates against the treaty's final provisions")
PARTY_NOT_A_MEMBER = Message(NOT_A_PARTY, "{what} names `{code}` ({name}), which is not a party to `{agreement}`",
                             "add it to `parties`, or correct the code")
NO_SUCH_AGREEMENT = Message(UNKNOWN_AGREEMENT, _UNKNOWN, _KNOWN)
BASE_NOT_IN_CORPUS = Message(UNKNOWN_AGREEMENT, "`{agreement}` is based on `{base}`, which is not in the corpus",
                             "give the base agreement's file too, or check the id (`tradegap list agreements`)")
BASED_ON_CIRCLE = Message(BASED_ON_CYCLE, "`based-on` goes round in a circle: {cycle}",
                          "one agreement in the circle must stand on its own")
AMENDED_NOT_IN_BASE = Message(NOT_IN_BASE, "article {number} is not in `{base}`, so it cannot be amended",
                              "write it as a new `article` in a chapter instead")
OMITTED_NOT_IN_BASE = Message(NOT_IN_BASE, "article {number} is not in `{base}`, so it cannot be omitted",
                              "check the number against the base agreement")
CHAPTER_NOT_IN_BASE = Message(NOT_IN_BASE, "chapter {number} is not in `{base}`, so it cannot be taken",
                              "`{base}` has chapters {known}")
OMITTED_CHAPTER_NOT_IN_BASE = Message(NOT_IN_BASE, "chapter {number} is not in `{base}`, so it cannot be omitted",
                                      "`{base}` has chapters {known}")
PARTY_LISTED_TWICE = Message(GIVEN_TWICE, "party `{code}` is listed twice (as `{first}` already)",
                             "list each party once")
PART_LISTED_TWICE = Message(GIVEN_TWICE, "`{part}` is listed twice in `coverage`", "list each part once")
GENERAL_IN_FORCE_TWICE = Message(GIVEN_TWICE, "the general entry into force is given twice",
                                 "per-party dates are written `in-force XX DATE`")
SETTING_GIVEN_TWICE = Message(GIVEN_TWICE, "`{key}` is given twice in {owner}",
                              "keep one; per-party entry into force is written `in-force XX DATE`")
ARTICLE_SAYS_TWICE = Message(GIVEN_TWICE, "{owner} says this twice",
                             "an article has one commitment, one software coverage and one contingency")
TOPIC_COMMITTED_TWICE = Message(GIVEN_TWICE, "article {number} gives `{topic}` a commitment twice",
                                "one commitment per topic: merge the two, or name the topic in one of them only")
NO_SUCH_NORM = Message(UNKNOWN_NORM, _UNKNOWN, _KNOWN)
AMEND_WITHOUT_BASE = Message(NOT_ALLOWED_HERE, "`amend article` needs a base agreement",
                             "add `based-on ID`, or write the article out in full")
OMIT_WITHOUT_BASE = Message(NOT_ALLOWED_HERE, "`omit article` needs a base agreement",
                            "add `based-on ID`, or delete the article")
OMIT_CHAPTER_WITHOUT_BASE = Message(NOT_ALLOWED_HERE, "`omit chapter` needs a base agreement",
                                    "add `based-on ID`, or delete the chapter")
BASE_CHAPTER_WITHOUT_BASE = Message(NOT_ALLOWED_HERE, "`chapter {number}` without a block needs a base agreement",
                                    "write `based-on ID chapter {number}` to take that chapter of a base, or give "
                                    'the chapter its block: `chapter {number} "Title" {{ ... }}`')
SHIELD_INCOMPLETE = Message(NOT_ALLOWED_HERE, "a shield names the parties and how long it lasts",
                            "write `dispute-settlement shielded MY years 2 \"...\"`")
MODE_TAKES_NO_PARTIES = Message(NOT_ALLOWED_HERE, "`dispute-settlement {mode}` takes no parties or period",
                                "only `shielded` names parties and a period")
REMOVE_WHICH = Message(NOT_ALLOWED_HERE, "say which {what} to remove", "write `remove {what} NAME`")
COMPLETE_NOT_ALONE = Message(NOT_ALLOWED_HERE, "`coverage complete` takes no other part",
                             "write `coverage complete` alone, or list only the parts the encoding covers")
SCORE_WITHOUT_A_SCORE = Message(NOT_ALLOWED_HERE, "a `{grade}` finding has no score, so `score` can never hold",
                                "leave `score` out, or expect met, partial or unmet")
NORM_WITHOUT_TOPIC = Message(NOT_ALLOWED_HERE, "norm `{norm_set}.{norm}` names no topic",
                             "add `topic NAME`: the evaluator looks for articles on it")
SOURCE_IS_A_PATH = Message(OUTSIDE_ROOTS, "`source` must be the plain name of a treaty text, not a path",
                           'write a file name such as "rcep.txt" (letters, digits, `.`, `_`, `-`); '
                           "texts are looked up only in the corpus's texts folder")
SOURCE_NOT_PLAIN = Message(OUTSIDE_ROOTS, "`source` {name!r} is not a plain file name",
                           'write a file name such as "rcep.txt"')
LINK_OUT_OF_ROOT = Message(OUTSIDE_ROOTS, "`{path}` is a symbolic link out of `{root}`; it was not read",
                           "copy the file into the folder, or name it on the command line to use it")
CITATION_NEEDS_CHAPTER = Message(
    AMBIGUOUS_ARTICLE, "`art {number}` outside a chapter of `{agreement}`, which numbers its articles per chapter, "
    "names no article", "name its chapter: `art {number} ch N`{where}")
CITATION_NOT_IN_CHAPTER = Message(
    AMBIGUOUS_ARTICLE, "`art {number}`{read} is cited as {cited}, but chapter {chapter} of `{agreement}` has no "
    "article {number}", "name the chapter it stands in: `art {number} ch N`{where}")
AMBIGUOUS_IN_BASE = Message(AMBIGUOUS_ARTICLE, "article {number} stands in several chapters of `{base}`: {chapters}",
                            "name the chapter: `{how} {number} ch N` (chapters {chapters})")
LOOSE_ARTICLE_AMBIGUOUS = Message(AMBIGUOUS_ARTICLE, "article {number} stands in {chapters} of `{base}`, which "
                                  "numbers its articles per chapter: this article outside chapters replaces none of "
                                  "them", "write it inside its chapter's block: `chapter {ch} {{ article {number} ... "
                                  "}}`, or change it with `amend article {number} ch {ch}`")
ARTICLE_NOT_IN_CHAPTER = Message(NOT_IN_BASE, "article {number} is not in chapter {chapter} of `{base}`, so it "
                                 "cannot be {done}", "{known}")
NUMBERING_DIFFERS = Message(NOT_ALLOWED_HERE, "`numbering {numbering}` differs from the numbering of its base "
                            "`{base}` ({base_numbering})", "a draft numbers its articles as its base does: leave "
                            "`numbering` out")
COMMITMENT_FOR_OTHER_TOPIC = Message(TOPIC_NOT_OF_ARTICLE, "article {number} has no topic `{topic}`, so it can give "
                                     "it no commitment", "add `{topic}` to its `topic` line, or commit one of its "
                                     "topics: {topics}")
NOTHING_DEFINED = Message(DEFINES_NOTHING, "this file defines nothing: no agreement, norm set or expectation",
                          "an empty file is almost always a truncated one: restore its text, or delete the file")

# ---------------------------------------------------------------- W04xx: advice

NO_TOPIC = Code("W0401", "article has no topic", "article 1 { binding }")
NO_QUOTE = Code("W0402", "coded attribute has no quote", "binding with no quoted words")

ARTICLE_WITHOUT_TOPIC = Message(NO_TOPIC, "article {number} has no topic, so no norm will find it",
                                "add `topic NAME` (see `tradegap list topics`)")
TOPIC_COMMITMENT_WITHOUT_QUOTE = Message(NO_QUOTE, "the {strength} commitment of article {number} for {topics} quotes "
                                        "no words", "add the operative words of the paragraph that says it")
COMMITMENT_WITHOUT_QUOTE = Message(NO_QUOTE, "the {strength} commitment of article {number} quotes no words",
                                   "add the operative words from the treaty, e.g. "
                                   "binding prohibition \"No Party shall require ...\"")

# ---------------------------------------------------------------- E05xx: importing

NOT_A_TREATY_TEXT = Code("E0501", "input to import is not a treaty text", "a PDF or ZIP file given to `tradegap import`")
MALFORMED_XML = Code("E0502", "malformed XML", "a ToTA file cut off in the middle of an element")
UNSAFE_XML = Code("E0503", "XML with a DTD, entity declaration or external entity", '<!DOCTYPE t [<!ENTITY a "...">]>')
NOT_TOTA = Code("E0504", "XML that is not a ToTA treaty", "<html>...</html> given as --format tota")
EMPTY_INPUT = Code("E0505", "input to import is empty", "an empty file")
INPUT_TOO_LARGE = Code("E0506", "input to import is too large", "a file of several hundred MB")
NO_HEADINGS = Code("E0507", "no article headings in a plain text", "a text without lines such as `Article 3: Title`")
BAD_ENCODING = Code("E0508", "input not valid in its encoding", "a Latin-1 file that declares (or defaults to) UTF-8")
UNREADABLE_PDF = Code("E0509", "a PDF that cannot be read", "a scanned treaty with no text, or one locked by a password")
RULES_SYNTAX = Code("E0510", "syntax error in coding rules", "topic cooperation heading \"cooperation\" (no `when`)")
RULES_UNKNOWN_WORD = Code("E0511", "unknown word in a coding rule", "strength bindng when text \"shall\"")
RULES_BAD_PHRASE = Code("E0512", "unusable phrase in a coding rule", 'text "--" (no letters) or "{nosuch}"')
NO_NUMBER_IN_SOURCE = Code("W0520", "imported article or chapter written with a placeholder number",
                           "a ToTA <article> without a `number`, imported as `article unnumbered 1`")

BINARY_INPUT = Message(NOT_A_TREATY_TEXT, "this looks like a binary file, not a treaty text",
                       "import reads ToTA XML, plain text (UTF-8) or PDF; convert a word-processor file first")
PDF_DAMAGED = Message(UNREADABLE_PDF, "the PDF cannot be read: {error}",
                      "the file may be damaged or cut short; download it again, or save it again as PDF")
PDF_ENCRYPTED = Message(UNREADABLE_PDF, "the PDF is encrypted and needs a password to be read",
                        "open it with its password and save an unencrypted copy (or print it to PDF)")
PDF_NO_PAGES = Message(UNREADABLE_PDF, "the PDF has no pages", "check that this is the treaty's PDF")
PDF_TOO_MANY_PAGES = Message(UNREADABLE_PDF, "the PDF has {pages} pages, over the limit of {limit}",
                             "import the treaty a few chapters at a time")
PDF_NO_TEXT = Message(UNREADABLE_PDF, "the PDF has no text to read on any of its {pages} pages",
                      "it is probably scanned images: run OCR on it first (for example ocrmypdf) and import "
                      "the result")
XML_CUT_SHORT = Message(MALFORMED_XML, "malformed XML: {error}", "the file ends early: it may be truncated")
XML_MARKUP_ERROR = Message(MALFORMED_XML, "malformed XML: {error}", "check the markup at this place")
XML_TOO_DEEP = Message(MALFORMED_XML, "malformed XML: elements nested more than {limit} deep",
                       "a ToTA file nests a few levels; this one may be damaged or hostile")
XML_REFUSED = Message(UNSAFE_XML, "the XML holds {what}, which is not read",
                      "ToTA files need no DTD or entities; entity expansion and external entities "
                      "are refused so that a file cannot blow up memory or read other files")
NOT_A_TOTA_ROOT = Message(NOT_TOTA, "`<{tag}>` is not a ToTA treaty",
                          "a ToTA file has a <treaty> root holding <meta> and <body>; for plain text use --format text")
EMPTY_FILE = Message(EMPTY_INPUT, "the file is empty", "give a ToTA XML file or a treaty in plain text")
IMPORT_TOO_LARGE = Message(INPUT_TOO_LARGE, "the file is {size}, over the {limit} import limit",
                           "split the treaty, or import its chapters one at a time")
IMPORT_GREW_TOO_LARGE = Message(INPUT_TOO_LARGE, "the file is over the {limit} import limit",
                                "split the treaty, or import its chapters one at a time")
TEXT_IMPORT_TOO_LARGE = Message(INPUT_TOO_LARGE, "the plain text is {size}, over the {limit} limit of a plain text",
                                "its draft must fit in one source file: import the treaty a few chapters at a time")
DRAFT_TOO_LARGE = Message(INPUT_TOO_LARGE, "the draft would be {size}, over the {limit} limit of a source file",
                          "import the treaty a few chapters at a time")
NO_ARTICLE_HEADINGS = Message(NO_HEADINGS, "no article headings found",
                              "headings read `Article 14.11: Title`, `ARTICLE 8` or `Article 3 Title`, "
                              "each on a line of its own")
XML_UNDECODABLE = Message(BAD_ENCODING, "the XML cannot be decoded: {error}",
                          "declare the encoding the file is really in, or save it as UTF-8")
XML_NOT_UTF8 = Message(BAD_ENCODING, "the file is not valid UTF-8 (byte 0x{byte:02x})",
                       "the file declares UTF-8 (or no encoding, which means UTF-8); "
                       "save it as UTF-8 or declare its real encoding")
TEXT_NOT_UTF8 = Message(BAD_ENCODING, "the text is not valid UTF-8 (byte 0x{byte:02x})",
                        "save the file as UTF-8 (plain text is read as UTF-8)")
RULES_STRAY_QUOTE = Message(RULES_SYNTAX, "unexpected character `{shown}` in the coding rules",
                            'strings end with `"` on the same line')
RULES_STRAY_CHARACTER = Message(RULES_SYNTAX, "unexpected character `{shown}` in the coding rules",
                                "rules read `ACTION when CONDITION`; phrases are in double quotes")
RULES_STRAY_TOKEN = Message(RULES_SYNTAX, "unexpected `{shown}` in the coding rules", "expected one of: {expected}")
RULES_END_EARLY = Message(RULES_SYNTAX, "the coding rules end before a rule or block is complete",
                          "check that every `{{` has its `}}` and every `when` a condition")
RULES_TOO_LARGE = Message(RULES_SYNTAX, "the coding rules are larger than 1 MiB")
RULES_UNPARSABLE = Message(RULES_SYNTAX, "cannot parse the coding rules: {error}")
RULES_BLOCK_COUNT = Message(RULES_SYNTAX, "a coding file holds exactly one `coding` block, found {count}",
                            "put every rule in one block")
NO_SUCH_RULE_WORD = Message(RULES_UNKNOWN_WORD, _UNKNOWN, _KNOWN)
ALIAS_PARTY_CODE = Message(RULES_UNKNOWN_WORD, "unknown party code `{code}` in an alias",
                           "use ISO 3166-1 alpha-2 (LA) or alpha-3 (LAO) codes")
CHAPTER_ACTION = Message(RULES_UNKNOWN_WORD, "`chapter {action}` is not possible: a chapter carries only {actions}",
                         "remove `chapter`, or choose another action")
UNKNOWN_PLACEHOLDER = Message(RULES_BAD_PHRASE, "unknown placeholder `{{{name}}}`",
                              "the only placeholder is {{ds-chapter}}")
TWO_PLACEHOLDERS = Message(RULES_BAD_PHRASE, "a phrase may hold one placeholder")
PLACEHOLDER_NUMBER = Message(NO_NUMBER_IN_SOURCE, "{what} {placeholder}{where} ({ref}): {why}",
                             "the placeholder is never cited as a number; if the treaty does number it, write that "
                             "number in the draft")
PHRASE_WITHOUT_LETTERS = Message(RULES_BAD_PHRASE, "this phrase has no letters or digits to match",
                                 "phrases match whole words; punctuation alone matches nothing")


# ---------------------------------------------------------------- the registry

_T = TypeVar("_T")


def _constants(kind: type[_T]) -> dict[str, _T]:
    """The module's constants of one kind, by name, in the order they are written."""
    return {name: value for name, value in globals().items() if isinstance(value, kind) and not name.startswith("_")}


def _codes() -> dict[str, Code]:
    found = sorted(_constants(Code).values(), key=lambda c: c.id)
    codes = {c.id: c for c in found}
    if len(codes) != len(found):
        raise ValueError("two Code constants share an id")
    return codes


CODES: dict[str, Code] = _codes()
"""Every code by id, in id order."""

MESSAGES: dict[str, Message] = _constants(Message)
"""Every message by its constant's name."""

