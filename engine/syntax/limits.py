"""The limits the parser enforces, each answered by a diagnostic rather than a crash or a hang."""

MAX_FILE_BYTES = 16 * 1024 * 1024  # E0003
MAX_PREDICATE_DEPTH = 64  # E0004: `not`/`and`/`or` nesting in a requirement
MAX_SYNTAX_ERRORS = 10  # syntax errors reported per file before giving up
MAX_YEARS = 999  # E0208: `years N` (and `extendable N`) in transitions, reservations and shields
MAX_FOOTNOTE = 99999  # E0208: `fn N` in citations
MAX_PAGE = 99999  # E0208: `page N` in citations (at least 1: E0210)
MAX_LINE = 9999  # E0208: `line N` in citations (at least 1: E0210)
MAX_ORDINAL = 9999  # E0208: `unnumbered N` (at least 1: E0210)
MAX_WEIGHT = 100  # E0208: `weight N` in norm sets and requirements (at least 1: E0210)
MAX_SCORE = 100  # E0208: `score A..B` in expectations
MAX_RECOVERY_STEPS = 200  # tokens or characters skipped in error recovery before giving up
