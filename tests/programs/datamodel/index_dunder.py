class Idx:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        print(f"__index__ -> {self.v}")
        return self.v
data = list(range(10))
print(data[Idx(3)])
print(data[Idx(1):Idx(4)])
print(data[::Idx(3)])
print(bin(Idx(5)), hex(Idx(255)), oct(Idx(8)))
print(list(range(Idx(3))), range(Idx(1), Idx(10), Idx(4)))
print("ab" * Idx(2), [0] * Idx(2))
import operator
print(operator.index(Idx(7)))
print((10).to_bytes(Idx(2), "big"))
print("int() uses __index__ too:", int(Idx(9)))
print("abcdef"[Idx(-1)], (1, 2, 3)[Idx(0)], b"xyz"[Idx(1)])
class NotIndex:
    def __int__(self):
        return 3
try:
    data[NotIndex()]
except TypeError as e:
    print(type(e).__name__, e)
try:
    bin(NotIndex())
except TypeError as e:
    print(type(e).__name__, e)
try:
    range(NotIndex())
except TypeError as e:
    print(type(e).__name__, e)
try:
    data[1.0]
except TypeError as e:
    print(type(e).__name__, e)
class BadIndex:
    def __index__(self):
        return "str"
try:
    data[BadIndex()]
except TypeError as e:
    print(type(e).__name__, e)
print(round(2.567, Idx(1)))
import math
print(math.comb(Idx(5), Idx(2)))
print(data[True], data[False])
