# Runs python -V
