# Runs python -X dev -c CODE
