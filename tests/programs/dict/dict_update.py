# update with kwargs, iterables, mappings
d = {'a': 1}
d.update({'b': 2})
d.update([('c', 3), ['d', 4]])
d.update(e=5, a=0)
d.update({'f': 6}, g=7)
d.update(zip('hi', (8, 9)))
d.update()
print(d)
class Mapping:
    def keys(self):
        return ['m', 'n']
    def __getitem__(self, k):
        return k * 2
d.update(Mapping())
print(d)
for bad in ([1, 2], [('a', 1, 2)], 5, ['ab', 'cde']):
    try:
        d.update(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    d.update({}, {})
except TypeError as e:
    print(type(e).__name__, e)
d2 = {}
d2.update(['xy', 'zw'])
print(d2)
d3 = {'k': 1}
d3.update(d3)
print(d3)
