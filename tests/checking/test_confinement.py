"""Confinement: nothing a file says, and no link in a folder, reads outside the roots the user gave.

- ``based-on`` names an id (a NAME token): it resolves among the files loaded, never to a path;
- an agreement's ``source`` is a plain file name ("rcep.txt"), looked up only inside the texts
  folders given to :func:`engine.checking.corpus.source_text_path`; paths, ``..`` and links out are E0311;
- a folder is searched without following symbolic links out of it (E0311 for each one);
- there is no include statement.

What ``check`` and ``fmt --write`` do with such links is tested in tests/cli/.
"""

from __future__ import annotations

import os

import pytest

from engine.checking.corpus import Corpus, discover, load_text, source_text_path

AGREEMENT = """agreement {id} "Title" {{
  parties JP KR
  source  "{source}"
  article 1 {{ topic cross-border-data binding "shall" }}
}}
"""

BAD_OUTSIDE = 'agreement outside {\n  parties JP KR\n  article 1 { topic cross-border-data binding "x" }\n}\n'

needs_symlinks = pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt", reason="needs POSIX symlinks")


@pytest.fixture(autouse=True)
def _private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


@pytest.fixture
def layout(tmp_path):
    """root/ (the corpus the user gives) and outside/ (a sibling it must not reach)."""
    root, outside = tmp_path / "root", tmp_path / "outside"
    root.mkdir()
    outside.mkdir()
    (root / "a.agr").write_text(AGREEMENT.format(id="a", source="a.txt"))
    (outside / "secret.agr").write_text(BAD_OUTSIDE)
    (outside / "secret.txt").write_text("secret")
    return root, outside


def codes(diags) -> list[str]:
    return [d.code for d in diags]


# ---------------------------------------------------------------- source


@pytest.mark.parametrize("source", ["../../etc/passwd", "/etc/passwd", "texts/rcep.txt", "..", "../rcep.txt",
                                    ".hidden", "C:\\\\texts\\\\rcep.txt", "a\\\\b.txt", "", "rcep.txt/",
                                    "~/rcep.txt", "r\u0131cep.txt", "x" * 200])
def test_source_must_be_a_plain_file_name(source):
    f = load_text(AGREEMENT.format(id="a", source=source), "a.agr")
    found = [d for d in f.diagnostics if d.code == "E0311"]
    assert len(found) == 1
    assert found[0].span.line == 3 and "plain" in found[0].message


@pytest.mark.parametrize("source", ["rcep.txt", "jpeu-epa.txt", "wto_ecommerce.v2.txt", "CPTPP.txt"])
def test_plain_file_names_are_accepted(source):
    f = load_text(AGREEMENT.format(id="a", source=source), "a.agr")
    assert "E0311" not in codes(f.diagnostics)


def test_norm_set_source_is_a_citation_not_a_file():
    f = load_text('norms n "N" {\n  source "CPTPP Arts. 14.11 / 14.13 (../texts)"\n}\n', "n.norms")
    assert "E0311" not in codes(f.diagnostics)


def test_bundled_corpus_names_its_texts_plainly():
    assert "E0311" not in codes(Corpus.bundled().diagnostics)


def test_source_text_is_found_inside_its_folder(tmp_path):
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "rcep.txt").write_text("text")
    path, diags = source_text_path("rcep.txt", [str(texts)])
    assert path == str(texts / "rcep.txt") and diags == ()


@pytest.mark.parametrize("name", ["../outside/secret.txt", "/etc/passwd", "..", "sub/rcep.txt"])
def test_source_text_path_refuses_paths(tmp_path, name):
    path, diags = source_text_path(name, [str(tmp_path)])
    assert path is None and codes(diags) == ["E0311"]


def test_a_missing_source_text_is_E0001(tmp_path):
    path, diags = source_text_path("nosuch.txt", [str(tmp_path)])
    assert path is None and codes(diags) == ["E0001"]


@needs_symlinks
def test_source_text_linked_out_of_its_folder_is_refused(layout):
    root, outside = layout
    os.symlink(outside / "secret.txt", root / "rcep.txt")
    path, diags = source_text_path("rcep.txt", [str(root)])
    assert path is None and codes(diags) == ["E0311"]


@needs_symlinks
def test_source_text_linked_within_its_folder_is_fine(layout):
    root, _ = layout
    (root / "real.txt").write_text("text")
    os.symlink(root / "real.txt", root / "rcep.txt")
    path, diags = source_text_path("rcep.txt", [str(root)])
    assert path == str(root / "rcep.txt") and diags == ()


# ---------------------------------------------------------------- based-on


def test_based_on_takes_an_id_not_a_path():
    for ref in ('"../outside/secret.agr"', "../secret", "/etc/passwd", "outside/secret"):
        f = load_text(f"agreement d {{\n  based-on {ref}\n}}\n", "d.agr")
        assert f.document is None and codes(f.diagnostics)[0].startswith("E01"), ref


def test_based_on_resolves_only_among_the_files_given(layout):
    root, outside = layout
    (root / "d.agr").write_text("agreement d {\n  based-on outside\n  parties JP KR\n}\n")
    corpus = Corpus.from_paths([str(root)], include_bundled=False)
    assert "outside" not in corpus.agreements
    assert [d for d in corpus.diagnostics if d.code == "E0305" and "outside" in d.message]


# ---------------------------------------------------------------- discovery


@needs_symlinks
def test_a_file_linked_out_of_a_folder_is_refused(layout):
    root, outside = layout
    os.symlink(outside / "secret.agr", root / "b.agr")
    names, diags = discover([str(root)])
    assert names == [str(root / "a.agr")]
    assert codes(diags) == ["E0311"] and diags[0].span.file == str(root / "b.agr")
    corpus = Corpus.from_paths([str(root)], include_bundled=False)
    assert "outside" not in corpus.agreements and "E0311" in codes(corpus.errors)


@needs_symlinks
def test_a_folder_linked_out_of_a_folder_is_refused(layout):
    root, outside = layout
    os.symlink(outside, root / "more")
    names, diags = discover([str(root)])
    assert names == [str(root / "a.agr")] and codes(diags) == ["E0311"]


@needs_symlinks
def test_links_within_a_folder_are_read_once(layout):
    root, _ = layout
    (root / "sub").mkdir()
    os.symlink(root / "a.agr", root / "sub" / "again.agr")
    os.symlink(root / "sub", root / "alias")
    names, diags = discover([str(root)])
    assert diags == [] and names == [str(root / "a.agr")]


@needs_symlinks
def test_a_link_named_outright_is_the_users_choice(layout):
    root, outside = layout
    os.symlink(outside / "secret.agr", root / "b.agr")
    names, diags = discover([str(root / "b.agr")])
    assert names == [str(root / "b.agr")] and diags == []
