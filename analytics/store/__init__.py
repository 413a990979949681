"""The store: the DuckDB file, its migrations, the derived rows and roll-ups kept in step with
every write, backups, the audit log, the owner process that serves other processes, and the SQL
they run (`store/sql/`). Imports only analytics.core.
"""
