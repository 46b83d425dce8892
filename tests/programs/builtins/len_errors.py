# len() and its errors
print(len([1, 2]), len('abc'), len(b''), len({1: 2}), len(range(5)), len(set()), len((1,)), len(frozenset('ab')))
class L:
    def __len__(self):
        return 7
print(len(L()))
for obj in (5, None, 1.5, iter([]), (x for x in [])):
    try:
        len(obj)
    except TypeError as e:
        print(type(e).__name__, e)
class Neg:
    def __len__(self):
        return -1
try:
    len(Neg())
except ValueError as e:
    print(type(e).__name__, e)
class Flt:
    def __len__(self):
        return 2.0
try:
    len(Flt())
except TypeError as e:
    print(type(e).__name__, e)
class Huge:
    def __len__(self):
        return 2 ** 70
try:
    len(Huge())
except OverflowError as e:
    print(type(e).__name__, e)
class BoolLen:
    def __len__(self):
        return True
print(len(BoolLen()))
try:
    len()
except TypeError as e:
    print(type(e).__name__, e)
