# Runs python -c with a syntax error
