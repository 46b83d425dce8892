# Runs python -i -q -c CODE with a REPL session on stdin
