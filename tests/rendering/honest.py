"""Results built by hand with every field of the 2.0 contract set (ISSUE11.md, "Result fields"); not a test module.

The evaluation that fills these fields is built at the same time as the renderers, so the renderers are
tested against results made here: an RCEP-like partial (score 43, evidence with a footnote citation, a
transition with two ends, a note), a U.S.-Japan-like partial (score 86, unverified, an absence that cannot
be quoted, a paraphrase), a not-encoded finding, an unmet one that names the chapters searched, and a
concluded text that binds no one.
"""

from __future__ import annotations

import datetime as dt


from engine.evaluation.findings import AgreementInfo, Evidence, Finding, NormSetInfo, Reason, Report
from engine.language import vocab as V
from engine.views.compare import ArticleView, Cell, Comparison, Qualifier, Row
from engine.views.diff import Diff, GradeChange
from engine.views.pair import Binding, Pair, PairRow

DAY = dt.date(2026, 11, 27)
G, F, VL = V.Grade, V.Force, V.Verification

RCEP = AgreementInfo("rcep", "Regional Comprehensive Economic Partnership", V.Status.IN_FORCE, ("AU", "JP", "KH", "VN"),
                     None, dt.date(2022, 1, 1), coverage=("electronic-commerce", "dispute-resolution"),
                     verification=VL.TEXT)
USJDTA = AgreementInfo("usjdta", "U.S.-Japan Digital Trade Agreement", V.Status.IN_FORCE, ("JP", "US"), None,
                       dt.date(2020, 1, 1), coverage=("electronic-commerce",), verification=VL.UNVERIFIED)
JPAU = AgreementInfo("jpau", "Japan-Australia EPA", V.Status.IN_FORCE, ("AU", "JP"), None, dt.date(2015, 1, 15),
                     coverage=("electronic-commerce",), verification=VL.TEXT)
WTO = AgreementInfo("wto", "WTO e-commerce (stabilised text)", V.Status.CONCLUDED, ("JP", "AU", "SG"), None, None,
                    force=F.NOT_IN_FORCE, coverage=("electronic-commerce",), verification=VL.SECONDARY)
NORMS = NormSetInfo("tpp3", "Three principles", "1.0", None)

ART_1217 = Evidence("12.17", "Settlement of Disputes", "No Party shall have recourse to dispute settlement under "
                    "Chapter 19 for any matter arising under this Chapter.", "agreements/rcep.agr", 260, VL.TEXT,
                    citation="Art. 12.17.3")
FN_14 = Evidence("12.15", "Cross-Border Transfer", "the necessity behind the implementation of such legitimate "
                 "public policy shall be decided by the implementing Party", "agreements/rcep.agr", 246, VL.TEXT,
                 citation="Art. 12.15, fn 14")
TRANSITION = Evidence("12.15", "Cross-Border Transfer", "Cambodia, Lao PDR, and Myanmar shall not be obliged to apply "
                      "this paragraph for a period of five years", "agreements/rcep.agr", 253, VL.TEXT,
                      citation="Art. 12.15")
RCEP_CONTEXT = Evidence("12.15", "Cross-Border Transfer", "A Party shall not prevent cross-border transfer of "
                        "information by electronic means", "agreements/rcep.agr", 231, VL.TEXT, citation="Art. 12.15",
                        context=True)
HELD = ("KH: transition period until 2027-01-01, possibly until 2030-01-01; "
        "VN: until its personal data framework applies")
NO_DS = Evidence("11", None, None, "agreements/usjdta.agr", 120, VL.UNVERIFIED, citation="Art. 11", absent=True)
RECALLED = Evidence("11", "Cross-Border Transfer", "neither Party shall prohibit or restrict the cross-border "
                    "transfer of information", "agreements/usjdta.agr", 118, VL.UNVERIFIED, citation="Art. 11",
                    paraphrase=True, context=True)


def rcep_flows() -> Finding:
    """Partial, 43: three failures, each with the statement that decided it."""
    reasons = (
        Reason("require enforceable", "Without dispute settlement the rule rests on goodwill.", "12.15",
               detail="dispute settlement is excluded", weight=3, evidence=(ART_1217,)),
        Reason("forbid exception public-policy self-judging", "A self-judging exception cannot be tested.", "12.15",
               detail="article-level exception: public-policy self-judging", evidence=(FN_14,)),
        Reason("binds every party on the date", "A commitment that does not bind every Party leaves a gap.",
               "12.15", ("KH", "VN"), HELD, evidence=(TRANSITION,)),
    )
    return Finding("rcep", "tpp3.data-flows", "Free cross-border transfer of information", ("cross-border-data",),
                   G.PARTIAL, None, "12.15", reasons, (RCEP_CONTEXT,), score=43, verification=VL.TEXT,
                   notes=("five years, with an additional three years if necessary (up to 8): coded as 5",))


def usjdta_flows() -> Finding:
    """Partial, 86: only dispute settlement fails, and that rests on an absence."""
    reason = Reason("require enforceable", "Without dispute settlement the rule rests on goodwill.", "11",
                    detail="nothing says dispute settlement applies", evidence=(NO_DS,))
    return Finding("usjdta", "tpp3.data-flows", "Free cross-border transfer of information", ("cross-border-data",),
                   G.PARTIAL, None, "11", (reason,), (RECALLED,), score=86, verification=VL.UNVERIFIED)


def jpau_tech() -> Finding:
    """Not encoded: the encoding covers only electronic commerce."""
    reason = Reason("an article on the topic", "The encoding covers electronic-commerce; technology-transfer-"
                    "requirements stands in investment, which is not encoded.", None)
    return Finding("jpau", "tpp3.tech-transfer", "No technology transfer requirements",
                   ("technology-transfer-requirements",), G.NOT_ENCODED, None, None, (reason,),
                   covered=("electronic-commerce",))


def rcep_source() -> Finding:
    """Unmet for want of an article, in the chapter searched."""
    reason = Reason("an article on the topic", "No article addresses source code.", None)
    return Finding("rcep", "tpp3.source-code", "No source code requirements", ("source-code",), G.UNMET,
                   V.UnmetBecause.NO_ARTICLE, None, (reason,), score=0, searched=("Ch. 12 Electronic Commerce",))


def wto_duties() -> Finding:
    """Met as written by a concluded text that binds no one."""
    quote = Evidence("11", "Customs Duties", "No Party shall impose customs duties on electronic transmissions",
                     "agreements/wto-ecommerce.agr", 40, VL.SECONDARY, citation="Art. 11", context=True)
    return Finding("wto", "tpp3.customs-duties", "No customs duties", ("customs-duties",), G.MET, None, "11",
                   (), (quote,), score=100, force=F.NOT_IN_FORCE, verification=VL.SECONDARY)


def honest_report() -> Report:
    """Four agreements, five findings: every new field of a finding, a reason and evidence set."""
    findings = (rcep_flows(), rcep_source(), usjdta_flows(), jpau_tech(), wto_duties())
    return Report("0.1.0", DAY, None, (RCEP, USJDTA, JPAU, WTO), (NORMS,), findings)


def _cell(f: Finding, strength: V.Strength = V.Strength.BINDING, force: V.Force = F.IN_FORCE) -> Cell:
    arts = (ArticleView(f.agreement, f.article, None, "12", strength, (Qualifier(V.QualifierKind.STRENGTH, strength),),
                        "agreements/x.agr", 10, f.verification or VL.UNVERIFIED),) if f.article else ()
    return Cell(f.norm, f.agreement, f.grade, f.unmet_because, arts, f.reasons, f.evidence, f.score,
                f.verification, force)


def honest_comparison() -> Comparison:
    """Two rows by three columns: partial 43 and 86 apart, a soft article, a not-encoded cell, a text not in force."""
    rows = (Row("tpp3.data-flows", V.RowKind.NORM, "Free cross-border transfer of information", ("cross-border-data",)),
            Row("tpp3.tech-transfer", V.RowKind.NORM, "No technology transfer requirements",
                ("technology-transfer-requirements",)))
    soft = Finding("wto", "tpp3.data-flows", None, (), G.PARTIAL, None, "9", (), score=50, force=F.NOT_IN_FORCE,
                   verification=VL.SECONDARY)
    tech = [Finding(a, "tpp3.tech-transfer", None, (), G.NOT_ENCODED, None, None, covered=("electronic-commerce",))
            for a in ("rcep", "usjdta")]
    cells = (_cell(rcep_flows()), _cell(usjdta_flows()), _cell(soft, V.Strength.BEST_ENDEAVOUR, F.NOT_IN_FORCE),
             _cell(tech[0]), _cell(tech[1]),
             Cell("tpp3.tech-transfer", "wto", G.UNMET, V.UnmetBecause.NO_ARTICLE, (), score=0, force=F.NOT_IN_FORCE))
    return Comparison("0.1.0", DAY, None, (RCEP, USJDTA, WTO), (NORMS,), rows, cells)


def honest_pair() -> Pair:
    """JP and AU: one binding agreement, its partial finding the strongest."""
    f = rcep_flows()
    row = PairRow("tpp3.data-flows", f.norm_title, (f,), f)
    return Pair("0.1.0", DAY, "AU", "JP", (Binding(RCEP, dt.date(2022, 1, 1), dt.date(2022, 1, 1)),), (), (), (NORMS,),
                (row,))


def honest_diff() -> Diff:
    """A finding that became not-encoded: a change, not a gap opened."""
    change = GradeChange("tpp3.tech-transfer", "No technology transfer requirements", G.UNMET, G.NOT_ENCODED, None,
                         None, V.Effect.CHANGES)
    return Diff("0.1.0", DAY, None, JPAU, WTO.replace(id="wto2"), (NORMS,), (), (), (), (change,))
