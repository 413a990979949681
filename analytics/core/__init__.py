"""The core: what every layer shares and that imports nothing else of ours.

`filters` (the Filters value every figure takes, and the SQL and words it yields), `privacy`
(who may see individuals, the small-group rule) and `numfmt` (numbers as people read them).
"""
