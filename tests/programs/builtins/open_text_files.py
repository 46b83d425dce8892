# open(): writing and reading text files
path = 'scratch_open_text.txt'
with open(path, 'w') as f:
    print(type(f).__name__, f.mode, f.name, f.closed)
    print(f.write('line one\n'), f.write('line two\nline three\n'))
    f.writelines(['four\n', 'five'])
print(f.closed)
with open(path) as f:
    print(repr(f.read()))
with open(path, 'r') as f:
    print(repr(f.readline()), repr(f.readline()), f.tell())
    print(f.readlines())
    print(repr(f.readline()), repr(f.read()))
with open(path) as f:
    for i, line in enumerate(f):
        print(i, repr(line))
with open(path) as f:
    print(repr(f.read(4)), f.tell(), f.seek(0), repr(f.read(8)), f.seek(0, 2) > 0)
with open(path, 'a') as f:
    f.write('\nappended')
with open(path) as f:
    print(f.read().splitlines())
with open(path, 'w', encoding='utf-8') as f:
    f.write('héllo ☃\n')
with open(path, encoding='utf-8') as f:
    print(repr(f.read()), f.encoding)
with open(path, 'rb') as f:
    print(f.read())
f = open(path)
f.close()
try:
    f.read()
except ValueError as e:
    print(type(e).__name__, e)
import os
os.remove(path)
print(os.path.exists(path))
