import sys
try:
    sys.exit()
except SystemExit as e:
    print("caught", repr(e.code), e.args)
print("now exiting with None")
raise SystemExit(None)
