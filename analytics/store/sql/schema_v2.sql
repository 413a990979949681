-- Schema version 2: the audit log (who did what, when, with which filters).
--
-- One row per audited action: logins, imports, rollbacks, backups, restores, exports and report
-- downloads. `detail` is a JSON object (file names, import id, row counts, the Filters fields of
-- an export or report, the data version it was read from); never a NIP or a person's name.
-- Imports and rollbacks write their row in their own write transaction, so an import without
-- its audit row cannot exist. A restore keeps this table (analytics/store/backup.py).

create table if not exists audit_log (
    id        integer primary key,
    logged_at timestamptz not null,
    actor     varchar not null,            -- a user name, 'cli:<os user>', or 'demo'
    action    varchar not null,
    detail    varchar not null              -- JSON object
);
