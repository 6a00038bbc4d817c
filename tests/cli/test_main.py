"""The command line as a whole: usage errors answered with a hint and no traceback, `python -m engine`."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT, run_cli


@pytest.mark.parametrize("args,message", [
    (("report", "rcpe", "--norms", "tpp3"), "did you mean `rcep`"),
    (("report", "rcep", "--norms", "tpp9"), "unknown norm set `tpp9`"),
    (("report", "rcep", "--as-of", "2026-13-01"), "is not a date"),
    (("report", "rcep", "--party", "XX"), "--party `XX` is not a country tradegap knows"),
    (("report", "missing/file.agr"), "no such file"),
    (("explain", "rcep", "tpp3"), "SET.NORM"),
    (("explain", "rcep", "tpp3.data-flow"), "did you mean `data-flows`"),
])
def test_usage_errors_exit_2_with_a_hint(args, message):
    code, out, err = run_cli(*args)
    assert code == 2
    assert message in err
    assert "Traceback" not in err


def test_argparse_errors_exit_2():
    code, _, err = run_cli("report")  # agreements are optional for argparse (--all): the command says what is missing
    assert code == 2 and "no agreement given" in err and "--all" in err
    code, _, err = run_cli("report", "--format", "nonsense")
    assert code == 2 and "usage:" in err
    code, _, err = run_cli("nonsense")
    assert code == 2


def test_python_dash_m_engine_and_help():
    proc = subprocess.run([sys.executable, "-m", "engine", "--help"], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0
    for command in ("report", "explain", "compare", "diff", "pair", "test", "check", "fmt", "list", "import"):
        assert command in proc.stdout
    proc = subprocess.run([sys.executable, "-m", "engine", "report", "--help"], capture_output=True, text=True)
    assert proc.returncode == 0 and "examples:" in proc.stdout


def test_the_program_answers_as_main_does_and_leaves_its_objects_to_the_exit(monkeypatch, capsys):
    import gc

    from engine.cli import program

    monkeypatch.setattr(sys, "argv", ["tradegap", "list", "norms"])
    try:
        assert program() == 0 and "tpp3" in capsys.readouterr().out
        assert gc.get_freeze_count() > 0  # the exit's collection will not scan them
        assert gc.isenabled()  # off for a brief command, and on again after
    finally:
        gc.unfreeze()
