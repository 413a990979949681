"""`python -m analytics`: the data contract's command line (`main`), its commands (import,
export, report) and the bench. The top layer: nothing of analytics imports it."""
