# range: len, index, count, slicing, membership, repr, equality
r = range(10)
print(r, repr(range(1, 10, 2)), range(5, 0, -1), len(r), len(range(1, 10, 3)), len(range(10, 0)))
print(list(range(0)), list(range(-3)), list(range(2, -6, -2)), list(range(5, 5)))
print(r[0], r[-1], r[3:7], r[::-1], r[::3], r[1:8:2][::-1], range(0, 20, 3)[2:5])
print(5 in r, 10 in r, 3.0 in r, 'a' in r, -1 in range(-5, 0), 4 in range(0, 10, 2), 5 in range(0, 10, 2))
print(r.index(7), range(0, 20, 4).index(12), r.count(3), r.count(3.0), range(3).count(5))
print(r.start, r.stop, r.step, range(3).step, range(1, 9, -2).start)
print(range(0) == range(5, 5), range(0, 3) == range(0, 3, 1), range(0, 5, 2) == range(0, 6, 2),
      range(1) == range(1, 2, 5), range(3) == [0, 1, 2], range(3) != range(4))
print(hash(range(0)) == hash(range(3, 3)), hash(range(2)) == hash(range(0, 2)))
print(list(reversed(range(1, 10, 3))), sum(range(101)), min(range(3, 9)), max(range(3, 9)))
print(range(10 ** 20)[-1], len(range(0, 10 ** 20, 10 ** 10)), 10 ** 19 in range(10 ** 20))
print(bool(range(0)), bool(range(1)), range(True), list(range(False, 3)))
for fn in (lambda: range(0, 10, 0), lambda: r[10], lambda: r.index(10), lambda: range(1.5),
           lambda: range(), lambda: range(1, 2, 3, 4), lambda: r['a'], lambda: range('3')):
    try:
        fn()
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__, e)
try:
    len(range(2 ** 100))
except OverflowError as e:
    print(type(e).__name__, e)
print(range(2 ** 100)[5], range(2 ** 100)[-1] == 2 ** 100 - 1)
it = iter(range(3))
print(next(it), list(it), type(it).__name__, type(iter(range(2 ** 70))).__name__)
