"""Shared wording for renderers: grade labels, party lists, citations."""

from __future__ import annotations

from engine.language import parties as P
from engine.evaluation.findings import REPORT_SCHEMA

GRADE_LABEL = {"met": "met", "partial": "partial", "unmet": "unmet", "not-applicable": "n/a"}
GRADE_MARK = {"met": "✓", "partial": "~", "unmet": "✗", "not-applicable": "-"}


def party_list(codes) -> str:
    return ", ".join(codes)


def party_names(codes) -> str:
    return ", ".join(f"{P.name(c)} ({c})" for c in codes)


def unmet_note(finding) -> str:
    if finding.unmet_because == "no-article":
        return "no article addresses it"
    if finding.unmet_because == "essential-requirement":
        return "an essential requirement fails"
    return ""


def header_lines(report) -> list[str]:
    """What every report states: engine version, norm-set versions, date, perspective."""
    sets = ", ".join(f"{n.id} {n.version or '(no version)'}" for n in report.norm_sets)
    who = f"from the position of {P.name(report.party)} ({report.party})" if report.party else "all parties"
    return [
        f"tradegap {report.engine_version} gap report (schema {REPORT_SCHEMA[0]} {REPORT_SCHEMA[1]})",
        f"as of {report.as_of.isoformat()}; {who}",
        f"norm sets: {sets}",
    ]
