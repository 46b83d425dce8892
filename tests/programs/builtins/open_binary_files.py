# open(): binary modes, seek/tell, exclusive creation
import os
path = 'scratch_open_bin.dat'
if os.path.exists(path):
    os.remove(path)
with open(path, 'xb') as f:
    print(type(f).__name__, f.mode, f.write(b'\x00\x01\x02hello'), f.tell())
try:
    open(path, 'x')
except FileExistsError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename)
with open(path, 'rb') as f:
    print(type(f).__name__, f.read(3), f.tell(), f.read(), f.read(), f.seek(-2, 2), f.read())
    print(f.seek(1), f.read(2), f.seek(1, 1), f.read(1), f.readable(), f.writable(), f.seekable())
with open(path, 'r+b') as f:
    f.seek(3)
    f.write(b'HE')
    f.seek(0)
    print(f.read())
with open(path, 'ab') as f:
    f.write(bytearray(b'!!'))
with open(path, 'rb') as f:
    print(f.read(), list(open(path, 'rb')) if False else f.tell())
with open(path, 'wb') as f:
    f.write(b'line1\nline2\n')
with open(path, 'rb') as f:
    print(f.readlines())
with open(path, 'rb', buffering=0) as f:
    print(type(f).__name__, f.readline())
for mode in ('rw', 'rbt', 'z', 'r+x'):
    try:
        open(path, mode)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    with open(path, 'wb') as f:
        f.write('text')
except TypeError as e:
    print(type(e).__name__, e)
try:
    with open(path, 'w') as f:
        f.write(b'bytes')
except TypeError as e:
    print(type(e).__name__, e)
try:
    with open(path, 'r') as f:
        f.write('x')
except OSError as e:
    print(type(e).__name__, e)
os.remove(path)
