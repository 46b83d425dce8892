# tuple methods and basic operations
t = (1, 2, 3, 2, 1, 2)
print(t.count(2), t.count(9), t.index(2), t.index(2, 2), t.index(1, -2), t.index(3, 0, 3))
try:
    t.index(9)
except ValueError as e:
    print(type(e).__name__, e)
try:
    t.index(3, 3)
except ValueError as e:
    print(type(e).__name__, e)
print(len(t), t[0], t[-1], t[1:4], t[::-1], t[::2], 3 in t, 7 not in t)
print(t + (4,), (0,) * 3, 2 * (1, 2), () * 5, t * 0)
print(min(t), max(t), sum(t), sorted(t), list(reversed(t)))
try:
    t[0] = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    del t[0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    t.append(1)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    t[10]
except IndexError as e:
    print(type(e).__name__, e)
try:
    (1,) + [2]
except TypeError as e:
    print(type(e).__name__, e)
print([m for m in dir(tuple) if not m.startswith('_')])
a = (1, 2)
b = a
a += (3,)
print(a, b, a is b)
a[0] = 'changed'
