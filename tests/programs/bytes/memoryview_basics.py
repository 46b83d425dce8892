# memoryview basics
b = b'abcdef'
m = memoryview(b)
print(len(m), m[0], m[-1], m[1:3].tobytes(), m.tobytes(), m.tolist()[:3], bytes(m[::2]))
print(m.readonly, m.format, m.itemsize, m.ndim, m.shape, m.strides, m.nbytes, m.contiguous)
print(m == b, m[1:3] == b'bc', m.obj is b, type(m[1:3]).__name__)
ba = bytearray(b'hello')
mv = memoryview(ba)
mv[0] = ord('J')
mv[1:3] = b'EL'
print(ba, mv.readonly)
sub = mv[2:]
sub[0] = ord('!')
print(ba, sub.tobytes())
try:
    m[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    mv[0:2] = b'xyz'
except ValueError as e:
    print(type(e).__name__, e)
try:
    mv[10]
except IndexError as e:
    print(type(e).__name__, e)
try:
    ba.append(1)
except BufferError as e:
    print(type(e).__name__, e)
mv.release()
sub.release()
ba.append(33)
print(ba)
try:
    mv[0]
except ValueError as e:
    print(type(e).__name__, e)
with memoryview(b'ctx') as cm:
    print(cm.tobytes())
try:
    len(cm)
except ValueError as e:
    print(type(e).__name__, e)
ints = memoryview(bytearray(8)).cast('i')
ints[1] = 258
print(ints.tolist(), ints.format, ints.itemsize, len(ints))
print(memoryview(b'ab').hex(), list(memoryview(b'xy')))
try:
    memoryview('str')
except TypeError as e:
    print(type(e).__name__, e)
