# Runs python on a file that does not exist
