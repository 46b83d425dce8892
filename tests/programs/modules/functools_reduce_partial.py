# functools.reduce and functools.partial
from functools import reduce, partial
import operator
print(reduce(operator.add, [1, 2, 3, 4]), reduce(operator.add, [1, 2, 3], 10), reduce(operator.mul, [], 1))
print(reduce(lambda a, b: a + [b], 'abc', []), reduce(max, [3, 9, 2]), reduce(operator.add, ['x']))
try:
    reduce(operator.add, [])
except TypeError as e:
    print(type(e).__name__, e)
try:
    reduce(operator.add, 5)
except TypeError as e:
    print(type(e).__name__, e)
def power(base, exp, *, mod=None):
    return pow(base, exp, mod)
square = partial(power, exp=2)
print(square(5), square(5, exp=3), square.func is power, square.args, square.keywords)
cube_mod = partial(power, exp=3, mod=7)
print(cube_mod(4), repr(partial(int, base=2)), partial(int, base=2)('101'))
p1 = partial(operator.sub, 10)
print(p1(3), p1.args)
p2 = partial(p1)
p3 = partial(partial(max, 1), 5, key=None)
print(p2(1), p2.func is operator.sub, p2.args, p3(3), p3.func is max, p3.args, p3.keywords)
print(repr(partial(max, 1, 2, key=abs)), repr(partial(len)))
try:
    partial()
except TypeError as e:
    print(type(e).__name__, e)
try:
    partial(5)
except TypeError as e:
    print(type(e).__name__, e)
class C:
    def method(self, a, b):
        return (a, b)
    pm = __import__('functools').partialmethod(method, 'fixed')
print(C().pm('free'))
