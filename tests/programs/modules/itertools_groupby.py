# groupby
from itertools import groupby
print([(k, list(g)) for k, g in groupby('AAAABBBCCDAABBB')])
print([k for k, g in groupby('AAAABBBCCD')])
print([(k, len(list(g))) for k, g in groupby([1, 1, 2, 3, 3, 3, 1])])
words = ['apple', 'avocado', 'banana', 'blueberry', 'cherry', 'apricot']
print([(k, list(g)) for k, g in groupby(words, key=lambda w: w[0])])
print([(k, list(g)) for k, g in groupby(sorted(words), key=lambda w: w[0])])
print([(k, list(g)) for k, g in groupby([])])
print([(k, list(g)) for k, g in groupby(range(10), key=lambda x: x // 3)])
groups = groupby('aabbc')
saved = [(k, g) for k, g in groups]
print([(k, list(g)) for k, g in saved])
it = groupby('xxyy')
k1, g1 = next(it)
print(k1, next(g1))
k2, g2 = next(it)
print(k2, list(g2), list(g1))
print([(k, list(g)) for k, g in groupby([1, 1.0, True, 2, 2.0])])
