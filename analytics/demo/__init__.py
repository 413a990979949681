"""The demo store: a seeded, realistic Jambi-like store (`python -m analytics demo`) built from
the catalogues here (names, governments, organisations, courses) and the SQL in `demo/sql/`."""
