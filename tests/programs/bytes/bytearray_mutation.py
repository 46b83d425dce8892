# mutating bytearrays
ba = bytearray(b'hello')
ba.append(33)
print(ba)
ba.extend(b' wor')
ba.extend([108, 100])
print(ba)
ba.insert(0, 62)
ba.insert(-1, 95)
ba.insert(100, 46)
print(ba)
print(ba.pop(), ba.pop(0), ba.pop(-2), ba)
ba.remove(ord('l'))
print(ba)
ba[0] = 72
ba[1:3] = b'EE'
print(ba)
ba[0:2] = b''
print(ba)
ba[::2] = b'*' * len(ba[::2])
print(ba)
del ba[0]
del ba[::3]
print(ba)
ba[2:2] = bytearray(b'++')
print(ba)
ba.reverse()
print(ba, ba.copy(), ba.copy() is ba)
ba.clear()
print(ba, len(ba))
ba += b'abc'
ba *= 2
print(ba)
for fn in (lambda: ba.append(256), lambda: ba.remove(120), lambda: bytearray().pop(),
           lambda: ba.__setitem__(0, -1), lambda: ba.__setitem__(slice(0, 6, 2), b'xy')):
    try:
        fn()
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__, e)
for fn in (lambda: ba.append('a'), lambda: ba.extend(['a']), lambda: ba.__setitem__(0, b'a')):
    try:
        fn()
    except TypeError as e:
        print(type(e).__name__, e)
ba[0:3] = [1, 2]
print(ba)
print(ba.pop(100))
