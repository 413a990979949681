"""The importer of docs/import-formats.md: files in, one transaction, nothing half-done.

Shared by the command line and the dashboard's upload page:

    sources, warnings = load_sources(paths)         # or [Source(name, data)] from uploads
    plan = validate(cur, sources, lang="id")        # problems, warnings, counts; writes nothing
    result = commit(store, sources, lang="id", username=None)   # validates again, then writes

Modules: sources (paths → Source), read (formats → raw text cells), parse (cell rules),
rules (docs/import-formats.md#tables), tables (per-table checks), validate (references, programmes),
plan (keys and added/changed), commit (write, journal, log, derived), messages (id/en), cli.
"""

from analytics.importer.commit import ImportResult, commit
from analytics.importer.issues import ImportRejected, Issue
from analytics.importer.plan import TableCount
from analytics.importer.sources import (
    Source,
    cli_limit_mb,
    load_sources,
    oversized,
    upload_limit_mb,
)
from analytics.importer.validate import FileInfo, ImportPlan, validate

__all__ = [
    "FileInfo",
    "ImportPlan",
    "ImportRejected",
    "ImportResult",
    "Issue",
    "Source",
    "TableCount",
    "cli_import",
    "cli_limit_mb",
    "commit",
    "load_sources",
    "oversized",
    "upload_limit_mb",
    "validate",
]
