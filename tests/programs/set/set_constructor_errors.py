# set() constructor and errors
print(set([1, 2, 2]), set((3,)), set(range(3)), set({'k': 1}), set(b'aa'), set(x for x in [2, 2]))
for bad in (1, None):
    try:
        set(bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    set([[1]])
except TypeError as e:
    print(type(e).__name__, e)
try:
    set([1], [2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    {1} + {2}
except TypeError as e:
    print(type(e).__name__, e)
try:
    one = {1}
    one[0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    hash({1})
except TypeError as e:
    print(type(e).__name__, e)
try:
    set(iterable=[1])
except TypeError as e:
    print(type(e).__name__, e)
s = {1, 2}
s.__init__([5])
print(s)
class S(set):
    pass
x = S([1, 2])
print(x, type(x | {3}).__name__, type(x.copy()).__name__, repr(S()))
print([m for m in dir(set) if not m.startswith('_')])
