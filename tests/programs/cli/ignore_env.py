import sys
print("ignore_environment:", sys.flags.ignore_environment)
print("isolated:", sys.flags.isolated)
print("argv:", sys.argv[1:])
