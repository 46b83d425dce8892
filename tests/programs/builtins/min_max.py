# min and max with key, default and errors
print(max(3, 1, 2), min(3, 1, 2), max([4, 9, 2]), min('hello'), max('abc', 'b', key=len))
print(max([], default='empty'), min([], default=None), max([5], default=0))
print(max(['a', 'BB', 'c'], key=str.lower), min([(2, 'b'), (1, 'z'), (1, 'a')]))
print(max([1, 3, 3.0, 2]), max([3.0, 1, 3]), min([0, False]), min([False, 0]))
print(max({'x': 1, 'y': 5}, key={'x': 1, 'y': 5}.get), max(range(10), key=lambda v: v % 4))
print(min(1, 2, key=None), max('a', 'b', key=None))
for fn in (lambda: max([]), lambda: min([]), lambda: max(), lambda: min(5), lambda: max(1, 'a'),
           lambda: max(1, 2, default=0), lambda: max([1], bogus=1), lambda: min(iter([]))):
    try:
        fn()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(max(iter([2, 8, 3])), min((x * x for x in range(-3, 3))), max('b', 'a', 'c'))
print(max([1, 2], [1, 3]), min([(1, 'b'), (1, 'a')]), max([], key=len, default='d'))
