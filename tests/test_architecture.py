"""The project's own rules, checked: layers point one way, pages hold layout only, every UI
text exists in both languages, every command is documented."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from analytics.cli.main import build_parser
from ui.i18n import TEXT

ROOT = Path(__file__).resolve().parent.parent


def py_files(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("folder", ["analytics", "charts"])
def test_core_never_imports_the_ui(folder: str) -> None:
    offenders = [
        p.relative_to(ROOT)
        for p in py_files(folder)
        if {"streamlit", "ui", "pages"} & imported_modules(p)
    ]
    assert not offenders, f"{folder}/ must not import streamlit or the UI: {offenders}"


def test_pages_hold_layout_only() -> None:
    sql = re.compile(r"\b(select|group by)\b.*\bfrom\b|\.groupby\(|\.execute\(", re.IGNORECASE)
    offenders = [p.name for p in py_files("pages") if sql.search(p.read_text(encoding="utf-8"))]
    assert not offenders, f"pages/ compute numbers (move it to analytics/): {offenders}"


def test_every_text_has_both_languages() -> None:
    for key, pair in TEXT.items():
        assert len(pair) == 2 and all(isinstance(s, str) and s.strip() for s in pair), key
        # the same placeholders in both languages
        assert set(re.findall(r"{(\w+)}", pair[0])) == set(re.findall(r"{(\w+)}", pair[1])), key


def test_every_text_key_used_exists() -> None:
    used: set[str] = set()
    pattern = re.compile(r"""\bt\(\s*["']([a-z0-9_]+)["']""")
    for p in [*py_files("pages"), *py_files("ui"), ROOT / "dashboard.py"]:
        used |= set(pattern.findall(p.read_text(encoding="utf-8")))
    missing = sorted(used - TEXT.keys())
    assert not missing, f"text keys used but not defined: {missing}"


def test_every_command_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    for name in sub.choices:  # type: ignore[union-attr]
        assert f"python -m analytics {name}" in readme, f"README does not document `{name}`"


def test_the_import_contracts_hold() -> None:
    """pyproject.toml's [tool.importlinter] contracts (`make check` runs them too): the layers
    of docs/architecture.md#import-contracts-and-make-check, no cycles, function-local imports
    included."""
    import shutil
    import subprocess
    import sys

    exe = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    done = subprocess.run([exe], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "0 broken" in done.stdout
