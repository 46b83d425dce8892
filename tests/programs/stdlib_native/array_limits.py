# array.array: each type code's range and the setters' error messages.
import array


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


LIMITS = {
    'b': (-128, 127), 'B': (0, 255),
    'h': (-2**15, 2**15 - 1), 'H': (0, 2**16 - 1),
    'i': (-2**31, 2**31 - 1), 'I': (0, 2**32 - 1),
    'l': (-2**63, 2**63 - 1), 'L': (0, 2**64 - 1),
    'q': (-2**63, 2**63 - 1), 'Q': (0, 2**64 - 1),
}
for tc, (lo, hi) in LIMITS.items():
    print(tc, array.array(tc).itemsize)
    t(lambda: array.array(tc, [lo, hi]))
    t(lambda: array.array(tc, [hi + 1]))
    t(lambda: array.array(tc, [lo - 1]))
    t(lambda: array.array(tc, [2**40]))
    t(lambda: array.array(tc, [2**64]))
    t(lambda: array.array(tc, [10**30]))
    t(lambda: array.array(tc, [-10**30]))
    t(lambda: array.array(tc, ['x']))
    t(lambda: array.array(tc, [1.5]))
    t(lambda: array.array(tc, [True, False]))

    def setitem():
        a = array.array(tc, [0])
        a[0] = hi + 1
    t(setitem)

    def append():
        a = array.array(tc)
        a.append(None)
    t(append)


class Index:
    def __index__(self):
        return 7


t(lambda: array.array('i', [Index()]))
t(lambda: array.array('d', [Index()]))
t(lambda: array.array('d', [1, True, 2.5]))
t(lambda: array.array('d', [10**400]))
t(lambda: array.array('f', [1e300]))
t(lambda: array.array('f', [1.1]))
t(lambda: array.array('f', ['x']))
t(lambda: array.array('d', [None]))
t(lambda: array.array('f', [float('nan'), float('inf'), -0.0]))
t(lambda: array.array('w', [1]))
t(lambda: array.array('w', ['ab']))
t(lambda: array.array('w', ['a', '\U0010ffff']))
print(array.array('w', '\U0010ffff').tobytes() == '\U0010ffff'.encode('utf-32-le'))
