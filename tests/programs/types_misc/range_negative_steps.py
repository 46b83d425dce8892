# ranges with negative steps and their slices
for args in [(10, 0, -1), (10, 0, -3), (0, 10, -1), (-1, -10, -2), (5, -5, -5), (3, 3, -1)]:
    r = range(*args)
    print(args, list(r), len(r), r[:2], r[::-1], r[-1] if r else None)
r = range(20, 0, -3)
print(r[1:4], r[::-2], r[-2:], r[100:], list(r[::-1]), 5 in r, 8 in r, r.index(8))
print(range(0, -10, -1) == range(0, -10, -1), range(10, 0, -2)[::2] == range(10, 0, -4))
print(list(range(5)[::-2]), range(5)[::-2], range(0, 1, -1) == range(0))
print(reversed(range(3)).__class__.__name__, list(reversed(range(10, 0, -4))))
print(range(10, 0, -1).count(5), range(10, 0, -2).count(5), range(10, 0, -3).index(4))
try:
    range(10, 0, -3).index(5)
except ValueError as e:
    print(type(e).__name__, e)
print(range(-5, 5, -1) == range(0), range(0, -5, -1)[-1], range(0, -5, -1)[1:3])
print(max(range(10, 0, -3)), min(range(10, 0, -3)), sum(range(10, 0, -3)))
