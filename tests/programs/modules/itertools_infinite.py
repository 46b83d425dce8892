# count, cycle, repeat and their reprs
from itertools import count, cycle, repeat, islice
c = count()
print(next(c), next(c), repr(c))
print(list(islice(count(10), 3)), list(islice(count(1, 3), 4)), list(islice(count(5, -2), 4)))
print(list(islice(count(0.5, 0.25), 3)), repr(count(0.5, 0.25)), repr(count(2, 1)), repr(count(3, 2)))
print(repr(count(10 ** 20)), next(count(10 ** 20)), repr(count(1j)) if False else repr(count(start=-1)))
print(list(islice(cycle('abc'), 7)), list(islice(cycle([]), 3)), list(cycle([])))
cy = cycle([1, 2])
print(next(cy), next(cy), next(cy))
print(list(repeat('x', 3)), list(repeat(1, 0)), list(repeat(1, -5)), list(islice(repeat(7), 2)))
r = repeat('z', 2)
print(repr(r), next(r), repr(r), next(r), repr(r))
print(repr(repeat(None)), repr(repeat([1])), r.__length_hint__())
print(list(map(pow, range(4), repeat(2))))
for fn in (lambda: count('a'), lambda: repeat(), lambda: cycle(5), lambda: repeat(1, 'x')):
    try:
        fn()
    except TypeError as e:
        print(type(e).__name__, e)
