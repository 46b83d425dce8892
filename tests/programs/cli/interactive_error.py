# Runs python -i -q with an error in the REPL session
