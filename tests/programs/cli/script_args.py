import sys
print(sys.argv[0])
print(sys.argv[1:])
print(len(sys.argv))
print(__name__)
for i, a in enumerate(sys.argv[1:], 1):
    print(i, repr(a))
