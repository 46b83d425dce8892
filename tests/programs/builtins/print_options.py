# print with sep, end, file and flush
import sys
print('a', 'b', 'c')
print('a', 'b', 'c', sep='')
print('a', 'b', sep=', ', end='!\n')
print('no newline', end='')
print(' -> continued')
print()
print(sep='x')
print(1, 2, 3, sep=None, end=None)
print('to stderr', file=sys.stderr)
print('flushed', flush=True)
print(*[1, 2, 3], sep='\n')
print('multi\nline', 'x', sep='|')
print(None, True, 1.5, [1], {'a': 1}, (1,), sep=' ; ')
class Writer:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
w = Writer()
print('into', 'writer', sep='-', end='.', file=w)
print(w.parts)
print('file None', file=None)
for kwargs in ({'sep': 5}, {'end': 1}, {'file': 5}, {'bogus': 1}):
    try:
        print('x', **kwargs)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
sys.stdout.write('direct write\n')
sys.stderr.write('direct stderr\n')
