# hash() on various (deterministic) values
print(hash(0), hash(42), hash(-1), hash(1.0), hash(0.5), hash(True), hash(None) == hash(None))
print(hash((1, 2)) == hash((1, 2)), hash(frozenset()) == hash(frozenset()))
class H:
    def __hash__(self):
        return 12345
class Neg:
    def __hash__(self):
        return -1
class Big:
    def __hash__(self):
        return 2 ** 100
class BoolHash:
    def __hash__(self):
        return True
print(hash(H()), hash(Neg()), hash(Big()), hash(BoolHash()))
class Bad:
    def __hash__(self):
        return 'str'
try:
    hash(Bad())
except TypeError as e:
    print(type(e).__name__, e)
class Fl:
    def __hash__(self):
        return 1.5
try:
    hash(Fl())
except TypeError as e:
    print(type(e).__name__, e)
for v in ([], {}, set(), bytearray()):
    try:
        hash(v)
    except TypeError as e:
        print(type(e).__name__, e)
class Sub(int):
    pass
print(hash(Sub(7)), hash(2 ** 61 - 1), hash(2 ** 61 + 5))
