"""What an import is made of: named files as bytes, from paths (CLI) or uploads (dashboard).

`load_sources` turns the command line's paths into `Source`s: a CSV file or workbook named
explicitly is always taken (validation rejects it if its name matches no table, since the user
clearly meant it); in a folder only CSV files named like a table are taken and the rest are
ignored with a warning (folders hold other things too).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from analytics.importer.issues import ImportRejected, Issue, Issues, Where
from analytics.importer.messages import known_tables
from analytics.importer.rules import TABLES, table_for_name


@dataclass(frozen=True)
class Source:
    """One file of an import: its name as the user sees it and its content."""

    name: str
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def suffix(self) -> str:
        return Path(self.name).suffix.lower()


def _read(path: Path, problems: list[Issue]) -> Source | None:
    try:
        return Source(path.name, path.read_bytes())
    except OSError as e:
        problems.append(
            Issue("path_unreadable", str(path), params={"path": str(path), "detail": e.strerror})
        )
        return None


def load_sources(paths: Iterable[str | Path]) -> tuple[list[Source], list[Issue]]:
    """Read the files of an import. Returns (sources, warnings).

    Raises ImportRejected when a path does not exist or cannot be read: there is nothing to
    validate then, and importing the other files alone would store half of what was meant.
    """
    sources: list[Source] = []
    warnings = Issues()
    problems: list[Issue] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.iterdir(), key=lambda p: p.name.lower()):
                # Hidden files and Excel's lock files (~$book.xlsx) are noise, not data.
                if child.name.startswith((".", "~$")):
                    continue
                where = Where(str(child))
                if child.is_dir():
                    warnings.add("folder_subfolder_ignored", where)
                elif child.suffix.lower() == ".csv" and table_for_name(child.stem):
                    src = _read(child, problems)
                    if src:
                        sources.append(src)
                else:
                    warnings.add("folder_file_ignored", where, tables=known_tables(TABLES))
        elif path.is_file():
            src = _read(path, problems)
            if src:
                sources.append(src)
        else:
            problems.append(Issue("path_missing", str(path), params={"path": str(path)}))
    if problems:
        raise ImportRejected(problems)
    return sources, warnings.sorted()
