# Runs as `python -m tokenize` over an unterminated string on stdin (cli_error.stdin).
