"""Wide tables for a terminal: cells wrapped to a column width, columns split into chunks.

A matrix with many agreements does not fit one screen; rather than let
lines run off, the columns are split into several tables that each fit
``WIDTH``, the row labels repeated on each.  Cells arrive already made
inert (:func:`engine.rendering.safe.term`); only layout happens here.
"""

from __future__ import annotations

from typing import Sequence

from engine.util.wrap import wrap

WIDTH = 120
LABEL_WIDTH = 22
COLUMN_WIDTH = 26


def wrap_cell(lines: Sequence[str], width: int, hyphens: bool = False) -> str:
    """Each line wrapped to ``width`` (at hyphens too if asked), continuation lines indented by two spaces."""
    out: list[str] = []
    for line in lines:
        out.extend(wrap(line, width, subsequent_indent="  ", break_on_hyphens=hyphens) or [""])
    return "\n".join(out)


def _width(text: str) -> int:
    return max((len(line) for line in text.splitlines()), default=0)


def chunks(widths: Sequence[int], label: int, width: int = WIDTH) -> list[list[int]]:
    """Column indexes packed greedily into tables that fit ``width`` beside the label column.

    A grid table is ``| a | b |``: each column costs its width plus three.
    Every chunk holds at least one column, however wide.
    """
    out: list[list[int]] = []
    used = label + 4
    for j, w in enumerate(widths):
        if out and out[-1] and used + w + 3 <= width:
            out[-1].append(j)
            used += w + 3
        else:
            out.append([j])
            used = label + 4 + w + 3
    return out or [[]]


def table(corner: str, headers: Sequence[Sequence[str]], labels: Sequence[Sequence[str]],
          cells: Sequence[Sequence[Sequence[str]]], width: int = WIDTH) -> str:
    """A grid table of ``labels`` x ``headers``, split into several if it would be wider than ``width``.

    ``headers[j]``, ``labels[i]`` and ``cells[i][j]`` are lists of lines (a header: its name, badge, force).
    """
    from tabulate import tabulate

    label_col = [wrap_cell([corner], LABEL_WIDTH)] + [wrap_cell(x, LABEL_WIDTH, True) for x in labels]
    columns = [[wrap_cell(headers[j], COLUMN_WIDTH, True)] + [wrap_cell(row[j], COLUMN_WIDTH) for row in cells]
               for j in range(len(headers))]
    label_width = max(_width(x) for x in label_col)
    parts = []
    for cols in chunks([max(_width(x) for x in col) for col in columns], label_width, width):
        head = [label_col[0]] + [columns[j][0] for j in cols]
        body = [[label_col[i + 1]] + [columns[j][i + 1] for j in cols] for i in range(len(labels))]
        parts.append(tabulate(body, headers=head, tablefmt="grid", disable_numparse=True))
    return "\n\n".join(parts)
