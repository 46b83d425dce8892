# sorted and reversed on various inputs
print(sorted([3, 1, 2]), sorted('bca'), sorted({'b': 1, 'a': 2}), sorted({3, 1}), sorted((2, 1)))
print(sorted([3, 1, 2], reverse=True), sorted(['bb', 'a', 'ccc'], key=len), sorted([], reverse=True))
print(sorted([1.5, 1, True, 0]), sorted([[2], [1, 5], [1]]), sorted(x % 3 for x in range(7)))
print(sorted(['b', 'A', 'a', 'B']), sorted(['b', 'A', 'a', 'B'], key=str.casefold))
print(list(reversed([1, 2, 3])), tuple(reversed('abc')), ''.join(reversed('hello')))
r = reversed([1, 2, 3])
print(r.__length_hint__(), next(r), r.__length_hint__(), list(r))
try:
    sorted([1, 2], key=1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(sorted([1, 2], reverse='x'))
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(sorted([1, 2], reverse=None))
except TypeError as e:
    print(type(e).__name__, e)
