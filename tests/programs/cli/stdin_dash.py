# Runs python - arg with the program on stdin
