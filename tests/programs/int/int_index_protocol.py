# __index__ is used wherever an integer is required
class Idx:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v

seq = list(range(10))
print(seq[Idx(3)], seq[Idx(-1)])
print(seq[Idx(2):Idx(5)])
print('abcdef'[Idx(1)])
print(bin(Idx(5)), oct(Idx(9)), hex(Idx(255)))
print([1, 2] * Idx(3))
print(range(Idx(4)))
print(list(range(Idx(1), Idx(10), Idx(3))))
print(int.__index__(7), (7).__index__())
import operator
print(operator.index(Idx(42)))
print(int(Idx(8)))
print(bytes(Idx(3)))
print(pow(Idx(2).__index__(), 5))
print(hex(True))
class NotIdx:
    pass
for fn in (lambda: seq[NotIdx()], lambda: bin(NotIdx()), lambda: operator.index(2.5),
           lambda: [1][float(1)], lambda: 'ab' * 2.0, lambda: range(1.5)):
    try:
        fn()
    except TypeError as e:
        print(type(e).__name__, e)
class BadIdx:
    def __index__(self):
        return 'x'
try:
    seq[BadIdx()]
except TypeError as e:
    print(type(e).__name__, e)
