# array.array(typecode[, initializer]): arguments, initializers, module attributes.
import array
import warnings


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


print(array.typecodes)
print(array.ArrayType is array.array, array.array.__name__, array.array.__module__)
t(lambda: array.array('z'))
t(lambda: array.array('bb'))
t(lambda: array.array(1))
t(lambda: array.array('i', 'abc'))
t(lambda: array.array('i', 5))
t(lambda: array.array('i', typecode='i'))
t(lambda: array.array())
t(lambda: array.array('i', [], 3))
t(lambda: array.array('i', (1, 2, 3)))
t(lambda: array.array('i', range(5)))
t(lambda: array.array('i', (x * x for x in range(4))))
t(lambda: array.array('h', b'\x01\x00\x02\x00'))
t(lambda: array.array('h', bytearray(b'\x01\x00')))
t(lambda: array.array('h', b'\x01'))
t(lambda: array.array('w', 'abc'))
t(lambda: array.array('w', ['a', 'b']))
t(lambda: array.array('i', array.array('d', [1.0])))
t(lambda: array.array('d', array.array('i', [1, 2])))
t(lambda: array.array('i', array.array('i', [1, 2])))
t(lambda: array.array('b', [1, 'x', 3]))
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    u = array.array('u', 'hi')
    print(u, u.itemsize, u.tounicode())
    print([str(w.message) for w in caught], [w.category.__name__ for w in caught])
t(lambda: hash(array.array('b')))


class Sub(array.array):
    pass


s = Sub('i', [1, 2])
print(type(s).__name__, s, isinstance(s, array.array), s.typecode, len(s))
print(type(s + s).__name__, type(s[:1]).__name__, type(s * 2).__name__)
t(lambda: Sub('i', typecode='i'))


class WithInit(array.array):
    def __init__(self, typecode, initializer=(), extra=None):
        self.extra = extra


w = WithInit('i', [1], extra=3)
print(w, w.extra)
