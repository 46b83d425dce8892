# Runs as `python -m tokenize -e` (see cli_stdin.cmdline) over cli_stdin.stdin.
