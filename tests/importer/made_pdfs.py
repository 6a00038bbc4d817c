"""PDFs the suite makes itself (reportlab), once per session, in a temporary folder (test modules import the
``made`` and ``layout`` fixtures from here).

``made`` holds, for a small synthetic treaty written here (so that something runs without ../shared) and
for RCEP (from ``shared/texts/rcep.txt``, when it is there), the treaty as plain text and as PDFs in the
layouts of :mod:`treaty_pdf`, with where each heading was drawn.
"""

from __future__ import annotations

import pathlib
from dataclasses import dataclass

import pytest

import treaty_pdf as T

TEXTS = pathlib.Path(__file__).resolve().parents[3] / "shared" / "texts"

LAYOUTS = ("A", "B", "C")
NAME = "Agreement on Digital Trade between Alpha and Beta (test fixture)"


def synthetic() -> T.Treaty:
    """A made-up treaty of two chapters: footnotes (one in a heading, two markers side by side), words with
    their own hyphens, long words to hyphenate, enough text for several pages."""
    b: list[T.Block] = [T.Block("chapter", "GENERAL PROVISIONS", "1"), T.Block("article", "Definitions", "1.1"),
                        T.Block("para", "For the purposes of this Agreement:"),
                        T.Block("para", "(a) covered person[^1] means a person of a Party engaged in electronic "
                                        "commerce, including an enterprise and a non-profit organisation; and"),
                        T.Block("para", "(b) electronic transmission means a transmission made using any "
                                        "electromagnetic means, including by photonic means."),
                        T.Block("article", "Scope[^2]", "1.2"),
                        T.Block("para", "1. This Agreement shall apply to measures adopted or maintained by a "
                                        "Party that affect trade by electronic means."),
                        T.Block("para", "2. This Agreement shall not apply to government procurement.")]
    topics = [("Paperless Trading", "accept electronic versions of trade administration documents as the legal "
                                    "equivalent of the paper version of those documents"),
              ("Electronic Authentication", "permit participants in electronic transactions to determine "
                                            "appropriate authentication methods for their transactions"),
              ("Online Consumer Protection", "adopt or maintain consumer protection laws to proscribe fraudulent "
                                             "and deceptive commercial activities that cause harm to consumers"),
              ("Personal Information Protection", "adopt or maintain a legal framework that provides for the "
                                                  "protection of the personal information of the users of "
                                                  "electronic commerce"),
              ("Cross-Border Transfer of Information", "allow the cross-border transfer of information by "
                                                       "electronic means, including personal information"),
              ("Location of Computing Facilities", "not require a covered person to use or locate computing "
                                                   "facilities in its territory as a condition for conducting "
                                                   "business in that territory"),
              ("Source Code", "not require the transfer of, or access to, source code of software owned by a "
                              "person of the other Party"),
              ("Cooperation", "endeavour to cooperate on the interoperability of electronic invoicing systems")]
    b.append(T.Block("chapter", "DIGITAL TRADE", "2"))
    for n, (title, duty) in enumerate(topics, 1):
        b.append(T.Block("article", title, f"2.{n}"))
        b.append(T.Block("para", f"1. Each Party shall {duty}, notwithstanding any administrative "
                                 "implementation arrangements that the Party maintains."))
        b.append(T.Block("para", f"2. The Parties recognise the importance of transparency and of "
                                 f"non-discriminatory treatment in the application of this Article.{_mark(n)} "
                                 "Each Party shall publish its relevant measures, including by e-mail "
                                 "notification where practicable, and shall respond to requests for "
                                 "information from the other Party within a reasonable period of time."))
    b.append(T.Block("para", "3. Nothing in this Article shall prevent a Party from adopting or maintaining "
                             "measures listed in its Schedule of Non-Conforming Measures."))
    notes = {1: "For greater certainty, a covered person does not include a financial institution.",
             2: "This Agreement does not apply to the audiovisual services of either Party."}
    for n in range(1, len(topics) + 1):
        notes[2 + 2 * n - 1] = f"For greater certainty, this paragraph applies to measures of the Party at its " \
                               f"central level of government (note {n})."
        notes[2 + 2 * n] = "For greater certainty, a Party may comply with this paragraph through measures " \
                           "that it already maintains."
    return T.Treaty(NAME, b, notes)


def _mark(n: int) -> str:
    """Two footnote markers side by side (``[^3][^4]``: printed ``3, 4``)."""
    return f"[^{2 + 2 * n - 1}][^{2 + 2 * n}]"


@dataclass
class Made:
    treaty: T.Treaty
    text: pathlib.Path
    pdfs: dict[str, pathlib.Path]
    placed: dict[str, dict[str, tuple[int, int]]]  # layout -> heading -> (page, line)


def _make(folder: pathlib.Path, stem: str, treaty: T.Treaty) -> Made:
    text = folder / f"{stem}.txt"
    text.write_text(T.to_text(treaty), encoding="utf-8")
    pdfs, placed = {}, {}
    for layout in LAYOUTS:
        pdfs[layout] = folder / f"{stem}-{layout}.pdf"
        placed[layout] = T.to_pdf(treaty, layout, str(pdfs[layout]))
    return Made(treaty, text, pdfs, placed)


@pytest.fixture(scope="session")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Made]:
    pytest.importorskip("reportlab")
    folder = tmp_path_factory.mktemp("pdfs")
    out = {"synthetic": _make(folder, "synthetic", synthetic())}
    rcep = TEXTS / "rcep.txt"
    if rcep.exists():
        name = "Regional Comprehensive Economic Partnership Agreement"
        out["rcep"] = _make(folder, "rcep", T.from_pypdf_dump(rcep.read_text(encoding="utf-8"), name))
    return out


@pytest.fixture(params=LAYOUTS)
def layout(request: pytest.FixtureRequest) -> str:
    return str(request.param)
