import math
class Num:
    def __int__(self):
        return 7
    def __float__(self):
        return 2.5
    def __complex__(self):
        return 1 + 2j
    def __round__(self, ndigits=None):
        return f"round(ndigits={ndigits})"
    def __trunc__(self):
        return "trunc"
    def __floor__(self):
        return "floor"
    def __ceil__(self):
        return "ceil"
n = Num()
print(int(n), float(n), complex(n))
print(round(n), round(n, 2), math.trunc(n), math.floor(n), math.ceil(n))
class OnlyIndex:
    def __index__(self):
        return 4
o = OnlyIndex()
print(int(o), float(o), complex(o))
class OnlyFloat:
    def __float__(self):
        return 1.5
try:
    int(OnlyFloat())
except TypeError as e:
    print(type(e).__name__, e)
print(complex(OnlyFloat()))
class BadInt:
    def __int__(self):
        return "x"
try:
    int(BadInt())
except TypeError as e:
    print(type(e).__name__, e)
class BadFloat:
    def __float__(self):
        return 1
try:
    float(BadFloat())
except TypeError as e:
    print(type(e).__name__, e)
for bad in [object(), "abc", None, [1]]:
    try:
        int(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    float("x1")
except ValueError as e:
    print(type(e).__name__, e)
try:
    round(object())
except TypeError as e:
    print(type(e).__name__, e)
try:
    math.floor("1")
except TypeError as e:
    print(type(e).__name__, e)
print(round(2.5), round(-0.5), round(1.25, 1), round(12345, -2), round(7, 0), type(round(2.5, 0)).__name__)
print(math.trunc(-2.7), math.floor(-2.5), math.ceil(-2.5), math.floor(3), math.ceil(2.0000001))
print(int("  -12  "), int("0b11", 0), float("  -1.5e2 "), float("-inf"), complex(" 1-2j "))
try:
    int(float("inf"))
except OverflowError as e:
    print(type(e).__name__, e)
try:
    int(float("nan"))
except ValueError as e:
    print(type(e).__name__, e)
