# Runs python --version
