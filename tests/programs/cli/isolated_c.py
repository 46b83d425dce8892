# Runs python -I -c CODE
