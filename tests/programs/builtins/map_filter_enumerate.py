# map with several iterables, filter with None, enumerate with start, reversed
print(list(map(str, [1, 2])), list(map(pow, [2, 3], [3, 2])), list(map(lambda a, b, c: a + b + c, 'ab', 'cd', 'efg')))
print(list(map(len, [])), list(map(max, [1, 5], [4, 2], [3, 3])))
print(list(filter(None, [0, 1, '', 'a', None, [], [0], False, 0.0])), list(filter(str.isdigit, 'a1b2')))
print(list(filter(lambda x: x > 2, range(5))))
print(list(enumerate('abc')), list(enumerate('abc', 1)), list(enumerate('ab', start=-2)), list(enumerate([], 5)))
print(list(enumerate('x', 10 ** 20)))
print(list(reversed([1, 2, 3])), list(reversed('ab')), list(reversed(range(3))), list(reversed((1, 2))))
print(list(reversed({'a': 1, 'b': 2})), list(reversed({'a': 1}.items())))
class R:
    def __reversed__(self):
        return iter('custom')
class S:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return i * i
print(list(reversed(R())), list(reversed(S())))
for fn in (lambda: reversed(5), lambda: reversed({1, 2}), lambda: map(), lambda: map(len),
           lambda: filter(None), lambda: enumerate(5), lambda: list(map(None, [1]))):
    try:
        fn()
    except TypeError as e:
        print(type(e).__name__, e)
m = map(lambda x: 1 / x, [1, 0])
print(next(m))
try:
    next(m)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
print(list(map(int, '123', strict=False)) if False else 'skip')
