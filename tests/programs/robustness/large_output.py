# More output than a pipe buffer holds, on both streams
import sys
for i in range(4000):
    print(f"line {i:5d} " + "x" * 40)
for i in range(2000):
    print(f"err {i:5d} " + "y" * 40, file=sys.stderr)
print("done")
