import sys
print("out 1")
print("err 1", file=sys.stderr)
sys.stdout.write("out 2 no newline")
sys.stderr.write("err 2 no newline")
print()
print("done", flush=True)
