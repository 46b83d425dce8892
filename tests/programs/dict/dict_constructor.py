# dict() constructor forms and errors
print(dict(), dict(a=1, b=2), dict([('a', 1), ('b', 2)]), dict({'a': 1}, b=2), dict(zip('ab', 'xy')))
print(dict([('a', 1)], a=2), dict(((1, 2), [3, 4])), dict(['ab', 'cd']), dict({}.items()))
print(dict(dict(x=1)), dict(**{'k': 'v'}), dict([]), dict(()))
bad_inputs = [[1], [('a',)], [('a', 1, 2)], 5, None, ['abc'], [[1, 2, 3]]]
for bad in bad_inputs:
    try:
        dict(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    dict({}, {})
except TypeError as e:
    print(type(e).__name__, e)
try:
    dict(**{1: 2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    dict([([1], 2)])
except TypeError as e:
    print(type(e).__name__, e)
class KeysOnly:
    def keys(self):
        return ['a']
    def __getitem__(self, k):
        return 'A'
print(dict(KeysOnly()))
