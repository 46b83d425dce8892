# the basic type constructors as builtins
print(bool(), bool(0), bool(1), bool('x'), bool([]), bool(None), bool(0j), bool(range(0)))
print(int(), int('12'), int(12.9), int('-0b11', 0), float(), float('1e3'), str(), str(12), str(b'x'))
print(list('ab'), tuple('ab'), set('aa'), frozenset('ab') == {'a', 'b'}, dict(a=1), bytes(2), bytearray(b'z'))
print(complex(1, 2), slice(3), range(2), memoryview(b'ab').tolist(), object().__class__.__name__)
print(type(bool()).__name__, type(int()).__name__, type(str()).__name__, type(dict()).__name__)
print(int.__call__('5'), str.__call__(5), bool.__call__([]))
for cls in (bool, int, float, str, bytes, list, tuple, dict, set, frozenset, complex):
    print(cls.__name__, repr(cls()))
try:
    bool(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    str(1, 2, 3, 4)
except TypeError as e:
    print(type(e).__name__, e)
