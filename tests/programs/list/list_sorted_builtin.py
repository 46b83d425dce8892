# sorted() returns new lists
orig = [5, 2, 8, 1]
s = sorted(orig)
print(s, orig, s is orig)
print(sorted(orig, reverse=True), sorted('bca'), sorted((3, 1, 2)), sorted({3: 'a', 1: 'b'}))
print(sorted({'x': 2, 'y': 1}.items(), key=lambda kv: kv[1]))
print(sorted([], key=len), sorted(range(5), key=lambda x: -x))
print(sorted(['10', '9', '100'], key=int), sorted(['10', '9', '100']))
print(sorted([-3, 2, -1], key=abs, reverse=True))
try:
    sorted([1, 2], cmp=None)
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted()
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted(5)
except TypeError as e:
    print(type(e).__name__, e)
import functools
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))
print(sorted([{'n': 2}, {'n': 1}], key=lambda d: d['n']))
