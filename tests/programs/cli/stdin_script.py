# Runs python -q with the program piped on stdin (not a tty: no echo)
