"""CSV: one row per finding, for spreadsheets (formula prefixes neutralised)."""

from __future__ import annotations

import csv
import io

from engine.rendering import safe

COLUMNS = ["agreement", "norm", "grade", "unmet_because", "article", "reasons", "parties", "evidence",
           "as_of", "party"]


def render(report) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(COLUMNS)
    for f in report.findings:
        reasons = " | ".join(f"{r.requirement}: {r.because}" for r in f.reasons)
        parties = " ".join(sorted({p for r in f.reasons for p in r.parties}))
        evidence = " | ".join(f"Art. {e.article}: {e.quote or ''} ({e.file}:{e.line}, {e.verification})"
                              for e in f.evidence)
        row = [f.agreement, f.norm, f.grade, f.unmet_because or "", f.article or "", reasons, parties,
               evidence, report.as_of.isoformat(), report.party or ""]
        w.writerow([safe.csv_cell(x) for x in row])
    return buf.getvalue()
