"""`python -m analytics`: the command line of docs/command-line.md (`main`), its commands (import,
export, report) and the bench. The top layer: nothing of analytics imports it."""
