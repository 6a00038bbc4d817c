"""gc_paused: the collector is off inside the block and as it was after."""

from __future__ import annotations

import gc

import pytest

from engine.util.gc import gc_paused


@pytest.fixture
def restore_gc():
    was = gc.isenabled()
    yield
    (gc.enable if was else gc.disable)()


def test_the_collector_is_off_inside_and_on_again_after(restore_gc):
    gc.enable()
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_it_is_switched_on_again_when_the_block_raises(restore_gc):
    gc.enable()
    with pytest.raises(ZeroDivisionError):
        with gc_paused():
            1 / 0
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off(restore_gc):
    gc.disable()
    with gc_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()
