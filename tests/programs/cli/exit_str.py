import sys
try:
    sys.exit("first message")
except SystemExit as e:
    print("caught code", repr(e.code))
print("about to exit with a string")
sys.exit("fatal: something went wrong")
