# operator module functions
import operator as op
print(op.add(2, 3), op.sub(2, 3), op.mul(2, 3), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 2), op.pow(2, 8))
print(op.neg(5), op.pos(-5), op.abs(-5), op.invert(5), op.inv(0), op.lshift(1, 4), op.rshift(16, 2))
print(op.and_(12, 10), op.or_(12, 10), op.xor(12, 10), op.not_(0), op.truth([]), op.is_(None, None), op.is_not(1, None))
print(op.lt(1, 2), op.le(2, 2), op.eq(1, 1.0), op.ne(1, 2), op.ge(1, 2), op.gt(3, 2))
print(op.concat('ab', 'cd'), op.contains([1, 2], 2), op.countOf([1, 2, 1], 1), op.indexOf('abc', 'c'))
print(op.getitem([1, 2, 3], 1), op.getitem('abc', slice(1, None)), op.matmul.__name__)
l = [1, 2, 3]
op.setitem(l, 0, 'x')
op.delitem(l, 1)
print(l)
print(op.index(5), op.index(True), op.length_hint([1, 2]), op.length_hint(iter([1, 2, 3])), op.length_hint(5, 9))
class H:
    def __length_hint__(self):
        return 42
print(op.length_hint(H()), op.length_hint(x for x in []), op.length_hint(object(), 7))
x = [1]
print(op.iadd(x, [2]), x, op.iconcat([0], [1]), op.imul([1], 2), op.ipow(2, 3), op.iand(6, 3))
print(op.call(max, 1, 5) if hasattr(op, 'call') else 5)
try:
    op.index(1.5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    op.concat(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    op.length_hint(5, 'x')
except TypeError as e:
    print(type(e).__name__, e)
print(op.__name__, op.add.__name__, op.__add__ is op.add)
