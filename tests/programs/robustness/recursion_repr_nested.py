# recursion through __repr__ and very deep containers
class SelfRepr:
    def __repr__(self):
        return 'SelfRepr(' + repr(self) + ')'
try:
    repr(SelfRepr())
except RecursionError as e:
    print(type(e).__name__, e)
try:
    str([SelfRepr()])
except RecursionError as e:
    print(type(e).__name__, e)
nested = []
for _ in range(100000):
    nested = [nested]
try:
    repr(nested)
except RecursionError as e:
    print(type(e).__name__, e)
try:
    print(nested)
except RecursionError as e:
    print(type(e).__name__, e)
d = {}
for _ in range(100000):
    d = {'k': d}
try:
    str(d)
except RecursionError as e:
    print(type(e).__name__, e)
t = ()
for _ in range(100000):
    t = (t,)
try:
    repr(t)
except RecursionError as e:
    print(type(e).__name__, e)
print(nested == nested, len(nested))
import copy
try:
    copy.deepcopy(nested)
except RecursionError as e:
    print(type(e).__name__, e)
del nested, d, t
print('cleaned up')
