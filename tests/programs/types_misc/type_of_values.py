# type() of many values
import types
def f():
    yield 1
async def co():
    pass
class C:
    def m(self):
        pass
values = [1, 1.5, 1j, 'a', b'a', bytearray(), [], (), {}, set(), frozenset(), None, True,
          range(1), slice(1), ..., NotImplemented, len, f, f(), C, C(), C().m, C.m, lambda: 0,
          type, object, object(), iter([]), iter(()), iter({}), iter(''), map(int, []), zip(),
          enumerate([]), reversed([]), memoryview(b''), types, property(), staticmethod(f),
          classmethod(f), super(C, C()), {}.keys(), {}.values(), {}.items(), (x for x in ''),
          int.__add__, (1).__add__, [].append, f.__code__, type(None), Exception(), ValueError]
for v in values:
    print(type(v).__name__, type(v).__qualname__, type(v).__module__)
g = co()
print(type(g).__name__)
g.close()
print(type(type).__name__, type(object).__name__, type(int).__name__, type(C).__name__)
