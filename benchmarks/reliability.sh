#!/usr/bin/env bash
# The reliability campaign's 18 reproducers (../shared/probes/repro.sh, see
# ../shared/reviews/reliability-probes.md), run against this checkout, with a verdict:
#
#   bash benchmarks/reliability.sh [TRADEGAP]      # default: the tradegap on PATH; about a minute
#
# The engine is taken from this checkout (PYTHONPATH). The transcript goes to standard output; the
# script fails if any reproducer still shows a failure of the campaign: an internal error (exit 3),
# a traceback, a hang (exit 124 after 20 s), a special file replaced by a regular file, a hard link
# split, or an input overwritten by its report. Cases marked (root) in repro.sh run only as root.
set -uo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
probes="$here/../shared/probes"
tg="${1:-$(command -v tradegap)}"
if [ ! -f "$probes/repro.sh" ]; then
  echo "reliability: $probes/repro.sh not found (the campaign's scripts live beside the checkout)" >&2
  exit 2
fi
export PYTHONPATH="$here${PYTHONPATH:+:$PYTHONPATH}"
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
start=$(date +%s)
bash "$probes/repro.sh" "$tg" "$here" | tee "$out"
# Every line but the headers (which name the old failures); R18 shows the first lines of mine.agr,
# where a report header means the input was overwritten.
bad="$(grep -v '^=== ' "$out" | grep -nE '\[exit (3|124)\]|internal error|Traceback|is now: regular file|still holds the old text' || true)"
r18="$(sed -n '/^=== R18/,$p' "$out" | grep -E 'gap report' || true)"
bad="$bad$r18"
echo "reliability: $(( $(date +%s) - start )) s"
if [ -n "$bad" ]; then
  echo "reliability: FAILED" >&2
  echo "$bad" >&2
  exit 1
fi
echo "reliability: every reproducer answered (no exit 3, no hang, nothing replaced)"
