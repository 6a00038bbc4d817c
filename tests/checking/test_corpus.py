"""The corpus: lookups by id, with a did-you-mean (discovery and confinement: test_confinement.py)."""

from __future__ import annotations

import pytest


def test_corpus_lookup_errors_name_the_known_ids(corpus):
    with pytest.raises(KeyError, match="did you mean `rcep`"):
        corpus.agreement("rcpe")
