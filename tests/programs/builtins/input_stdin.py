# input() reading from stdin
name = input()
print('Hello,', name)
age = input('Age? ')
print('age is', int(age) + 1)
line = input()
print(repr(line))
rest = input()
print(repr(rest))
import sys
print(repr(sys.stdin.readline()))
print(repr(sys.stdin.read()))
try:
    input('prompt at eof: ')
except EOFError as e:
    print(type(e).__name__, repr(str(e)))
