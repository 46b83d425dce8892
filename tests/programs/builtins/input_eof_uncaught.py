# input() at end of file raises an uncaught EOFError
import sys
print(sys.stdin.isatty(), type(sys.stdin).__name__)
print(callable(input), input.__name__, input.__module__)
try:
    input(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
print('prompt goes to stdout:', end=' ')
sys.stdout.flush()
first = input('first: ')
print('got', first)
second = input('second: ')
print('got', second)
