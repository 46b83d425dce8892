# array.array: repr, copying and pickling (__reduce_ex__, _array_reconstructor).
import array
import copy
import pickle


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


for tc in 'bBhHiIlLqQfd':
    a = array.array(tc, [1, 2, 3])
    print(repr(a), str(a), repr(array.array(tc)))
print(array.array('w', 'a\'b"c\n'), array.array('w'), array.array('d', [0.1, 1e100, float('-inf')]))
for tc in 'bBhHiIlLqQfdw':
    a = array.array(tc, 'xyz' if tc == 'w' else [0, 1, 100])
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        b = pickle.loads(pickle.dumps(a, proto))
        assert b == a and b.typecode == a.typecode, (tc, proto)
    print(tc, a.__reduce_ex__(2), a.__reduce_ex__(4)[1][1:3])
t(lambda: array.array('b', [1]).__reduce_ex__())
print(array.array('b', [1, 2]).__copy__(), copy.copy(array.array('b', [5])), copy.deepcopy(array.array('d', [0.5])))
c = array.array('i', [1])
d = copy.copy(c)
d.append(2)
print(c, d)


class A(array.array):
    pass


s = A('i', [1, 2])
s.x = 5
r = pickle.loads(pickle.dumps(s))
print(type(r).__name__, r, r.x)
r = pickle.loads(pickle.dumps(s, 2))
print(type(r).__name__, r, r.x)

rec = array._array_reconstructor
t(lambda: rec(array.array, 'b', 0, b'\x01\xff'))
t(lambda: rec(array.array, 'h', 5, b'\x00\x01\xff\xfe'))
t(lambda: rec(array.array, 'd', 17, b'?\xf0\x00\x00\x00\x00\x00\x00'))
t(lambda: rec(array.array, 'w', 18, b'a\x00b\x00'))
t(lambda: rec(array.array, 'i', 8, b'\x01\x00\x00\x00'))
t(lambda: rec(list, 'b', 0, b''))
t(lambda: rec(1, 'b', 0, b''))
t(lambda: rec(array.array, 'x', 0, b''))
t(lambda: rec(array.array, 'b', 99, b''))
t(lambda: rec(array.array, 'b', 0, 5))
