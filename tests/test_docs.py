"""docs/ stays true to what cites it: every `docs/<file>.md#<anchor>` written anywhere in the
repository (code, SQL, README, docs) names an existing page and heading, every cited page
exists, and every export METRIC the command line accepts is documented in
docs/command-line.md."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from analytics.cli.main import build_parser

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"

# Files that may cite the docs: source, SQL, configuration and documentation.
SUFFIXES = {".py", ".sql", ".md", ".toml", ".txt", ".cfg", ".ini", ".yml", ".yaml", ".css"}
NAMES = {"Makefile"}
SKIP_DIRS = {"data", "node_modules", "__pycache__", "out"}

# docs/<file>.md, optionally #<anchor>. A relative link inside docs/ ("metrics.md#jpm") is
# caught by LINK below.
CITATION = re.compile(r"docs/([\w.-]+\.md)(?:#([\w-]+))?")
LINK = re.compile(r"\]\((?!https?:)([\w.-]+\.md)?(?:#([\w-]+))?\)")
FENCE = re.compile(r"^\s*(```|~~~)")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


def anchor(heading: str) -> str:
    """GitHub's anchor of a heading: lowercase, punctuation dropped (letters, digits, `_`,
    `-` and spaces kept), spaces to `-`."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def anchors(text: str) -> set[str]:
    """Every heading anchor of a markdown text (outside fenced code), with GitHub's `-1`,
    `-2`... suffixes for repeated headings."""
    seen: dict[str, int] = {}
    out: set[str] = set()
    fenced = False
    for line in text.splitlines():
        if FENCE.match(line):
            fenced = not fenced
            continue
        m = None if fenced else HEADING.match(line)
        if not m:
            continue
        a = anchor(m.group(2))
        n = seen.get(a, 0)
        seen[a] = n + 1
        out.add(a if n == 0 else f"{a}-{n}")
    return out


def source_files() -> list[Path]:
    files = []
    for path in ROOT.rglob("*"):
        rel = path.relative_to(ROOT)
        if any(p.startswith(".") or p in SKIP_DIRS for p in rel.parts[:-1]):
            continue
        if path.is_file() and (path.suffix in SUFFIXES or path.name in NAMES):
            files.append(path)
    return files


def citations() -> list[tuple[str, str, str | None]]:
    """(where, docs file, anchor or None) for every citation in the repository."""
    found = []
    for path in source_files():
        text = path.read_text(encoding="utf-8", errors="replace")
        rel = str(path.relative_to(ROOT))
        for m in CITATION.finditer(text):
            found.append((rel, m.group(1), m.group(2)))
        if path.parent == DOCS and path.suffix == ".md":
            for m in LINK.finditer(text):
                found.append((rel, m.group(1) or path.name, m.group(2)))
    return found


def test_the_docs_are_cited_somewhere() -> None:
    cited = {f for _, f, _ in citations()}
    assert {"metrics.md", "import-formats.md", "command-line.md", "architecture.md"} <= cited


def test_every_cited_docs_page_and_heading_exists() -> None:
    cache: dict[str, set[str]] = {}
    broken = []
    for where, name, anc in citations():
        page = DOCS / name
        if not page.is_file():
            broken.append(f"{where}: docs/{name} does not exist")
            continue
        if anc is None:
            continue
        if name not in cache:
            cache[name] = anchors(page.read_text(encoding="utf-8"))
        if anc not in cache[name]:
            broken.append(f"{where}: docs/{name}#{anc} names no heading")
    assert not broken, "\n".join(broken)


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("JPM", "jpm"),
        ("Worked example: JPM", "worked-example-jpm"),
        ("Re-import and upsert", "re-import-and-upsert"),
        ("One import, one transaction", "one-import-one-transaction"),
        ("service_outcomes", "service_outcomes"),
        ("Import contracts and make check", "import-contracts-and-make-check"),
        ("`talent-summary` (v2)", "talent-summary-v2"),
    ],
)
def test_anchor_follows_github(heading: str, expected: str) -> None:
    assert anchor(heading) == expected


def test_anchors_skip_code_and_number_repeats() -> None:
    text = "# A\n```sh\n# not a heading\n```\n## A\n### b c\n"
    assert anchors(text) == {"a", "a-1", "b-c"}


def export_metrics() -> tuple[str, ...]:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    export = sub.choices["export"]
    metric = next(a for a in export._actions if a.dest == "metric")
    assert metric.choices
    return tuple(metric.choices)


@pytest.mark.parametrize("metric", export_metrics())
def test_every_export_metric_is_documented(metric: str) -> None:
    text = (DOCS / "command-line.md").read_text(encoding="utf-8")
    assert metric in anchors(text), f"docs/command-line.md has no heading `### {metric}`"
    table_rows = [line for line in text.splitlines() if line.startswith(f"| {metric} ")]
    assert table_rows, f"docs/command-line.md's table of export metrics lacks {metric}"
