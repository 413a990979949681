"""What an import is made of: named files as bytes, from paths (CLI) or uploads (dashboard).

`load_sources` turns the command line's paths into `Source`s: a CSV file or workbook named
explicitly is always taken (validation rejects it if its name matches no table, since the user
clearly meant it); in a folder only CSV files named like a table are taken and the rest are
ignored with a warning (folders hold other things too).

Size limits, checked from the size before a file is read. An import is validated as a whole in
memory (keys across the file, references across files, then one transaction), and reading holds a
file several times over (its bytes, the text, Arrow's table, typed columns): about 12 times the
file's size at peak. So a file is refused above a limit rather than streamed, which would give up
that whole-import check:
- uploads: 200 MB per file (`ASN_MAX_UPLOAD_MB`; Streamlit's server.maxUploadSize is the same and
  the lower of the two applies), a province's yearly assessments being ~20 MB;
- the command line: 1024 MB per file (`ASN_MAX_IMPORT_MB`), about 12 GB at peak on the 24 GB
  server; a larger national file is imported in parts (one file per agency or per year).
"""

from __future__ import annotations

import hashlib
import os
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


UPLOAD_LIMIT_MB = 200
CLI_LIMIT_MB = 1024
MB = 1024 * 1024


def _limit_from_env(name: str, default: int) -> int:
    try:
        value = int(os.environ.get(name, ""))
    except ValueError:
        return default
    return value if value > 0 else default


def upload_limit_mb() -> int:
    """The largest file (MB) the upload page takes."""
    return _limit_from_env("ASN_MAX_UPLOAD_MB", UPLOAD_LIMIT_MB)


def cli_limit_mb() -> int:
    """The largest file (MB) the command line imports."""
    return _limit_from_env("ASN_MAX_IMPORT_MB", CLI_LIMIT_MB)


def too_large(name: str, size: int, limit_mb: int, code: str = "file_too_large") -> Issue | None:
    """The problem of a file over the limit, or None."""
    if size <= limit_mb * MB:
        return None
    shown = f"{size / MB:.1f}" if size < 10 * MB else str(round(size / MB))
    return Issue(code, name, params={"size": shown, "limit": limit_mb})


def oversized(files: Iterable[tuple[str, int]], limit_mb: int) -> list[Issue]:
    """The upload page's check of (name, size in bytes), made before any file is read."""
    found = (too_large(name, size, limit_mb) for name, size in files)
    return [p for p in found if p is not None]


def _read(path: Path, problems: list[Issue], limit_mb: int) -> Source | None:
    try:
        big = too_large(str(path), path.stat().st_size, limit_mb, "file_too_large_cli")
        if big is not None:
            problems.append(big)
            return None
        return Source(path.name, path.read_bytes())
    except OSError as e:
        problems.append(
            Issue("path_unreadable", str(path), params={"path": str(path), "detail": e.strerror})
        )
        return None


def load_sources(
    paths: Iterable[str | Path], limit_mb: int | None = None
) -> tuple[list[Source], list[Issue]]:
    """Read the files of an import. Returns (sources, warnings).

    Raises ImportRejected when a path does not exist, cannot be read or is larger than
    `limit_mb` (default: cli_limit_mb()): there is nothing to validate then, and importing the
    other files alone would store half of what was meant.
    """
    limit = limit_mb or cli_limit_mb()
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
                    src = _read(child, problems, limit)
                    if src:
                        sources.append(src)
                else:
                    warnings.add("folder_file_ignored", where, tables=known_tables(TABLES))
        elif path.is_file():
            src = _read(path, problems, limit)
            if src:
                sources.append(src)
        else:
            problems.append(Issue("path_missing", str(path), params={"path": str(path)}))
    if problems:
        raise ImportRejected(problems)
    return sources, warnings.sorted()
