# functools.cached_property and singledispatch
from functools import cached_property, singledispatch, singledispatchmethod
class Data:
    def __init__(self, values):
        self.values = values
        self.computations = 0
    @cached_property
    def total(self):
        self.computations += 1
        return sum(self.values)
d = Data([1, 2, 3])
print(d.total, d.total, d.computations, 'total' in vars(d))
del d.total
print(d.total, d.computations)
d.total = 100
print(d.total, type(Data.total).__name__)
@singledispatch
def describe(obj):
    return 'object'
@describe.register
def _(obj: int):
    return 'int ' + str(obj)
@describe.register(list)
def _(obj):
    return 'list of %d' % len(obj)
@describe.register(str)
@describe.register(bytes)
def _(obj):
    return 'text-like'
print(describe(1), describe(True), describe([1, 2]), describe('s'), describe(b'b'), describe(1.5), describe(None))
print(describe.dispatch(bool).__name__, sorted(t.__name__ for t in describe.registry))
class Fmt:
    @singledispatchmethod
    def show(self, arg):
        return 'generic'
    @show.register
    def _(self, arg: float):
        return 'float %.1f' % arg
print(Fmt().show(2.25), Fmt().show('x'))
class NoDict:
    __slots__ = ()
    @cached_property
    def prop(self):
        return 1
try:
    NoDict().prop
except TypeError as e:
    print(type(e).__name__, e)
