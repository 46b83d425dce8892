class BoolReturns:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        return self.v
for v in [1, 0, "yes", None, 1.0]:
    try:
        print(repr(v), bool(BoolReturns(v)))
    except TypeError as e:
        print(repr(v), type(e).__name__, e)
class LenReturns:
    def __init__(self, v):
        self.v = v
    def __len__(self):
        return self.v
for v in [3, -1, 1.5, "3", True, 2 ** 70]:
    try:
        print(repr(v), len(LenReturns(v)))
    except (TypeError, ValueError, OverflowError) as e:
        print(repr(v), type(e).__name__, e)
for v in [-1, 1.5]:
    try:
        print(bool(LenReturns(v)))
    except (TypeError, ValueError) as e:
        print("bool:", type(e).__name__, e)
class IndexLike:
    def __index__(self):
        return 4
print(len(LenReturns(IndexLike())))
class MyBool:
    def __bool__(self):
        raise RuntimeError("bool exploded")
try:
    if MyBool():
        pass
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    len(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    len(iter([1]))
except TypeError as e:
    print(type(e).__name__, e)
print(len(range(10 ** 6)), len(range(0, 10, 3)))
try:
    len(range(2 ** 64))
except OverflowError as e:
    print(type(e).__name__, e)
bool(BoolReturns("final"))
