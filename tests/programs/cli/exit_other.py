import sys
for value in [0, 5, None, "s", [1, 2]]:
    try:
        raise SystemExit(value)
    except SystemExit as e:
        print(repr(e.code))
try:
    raise SystemExit(1, 2)
except SystemExit as e:
    print("two args:", e.code, e.args)
print("exiting with a list")
sys.exit([1, "two"])
