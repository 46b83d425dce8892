# __missing__ in dict subclasses
class Default(dict):
    def __missing__(self, key):
        return f'missing:{key}'
d = Default(a=1)
print(d['a'], d['b'], d, d.get('b'), 'b' in d)
class Auto(dict):
    def __missing__(self, key):
        self[key] = v = len(self)
        return v
a = Auto()
print(a['x'], a['y'], a['x'], a)
class Raising(dict):
    def __missing__(self, key):
        raise KeyError(f'no {key!r} here')
try:
    Raising()['k']
except KeyError as e:
    print(type(e).__name__, e)
class Counter(dict):
    def __missing__(self, key):
        return 0
c = Counter()
for ch in 'hello':
    c[ch] += 1
print(c)
class NotCalled(dict):
    def __missing__(self, key):
        return 'called'
n = NotCalled()
print(n.get('x'), n.pop('x', 'p'), n.setdefault('y', 'sd'), n['z'])
class Sub(dict):
    pass
s = Sub()
s.__missing__ = lambda k: 'instance attr'
try:
    s['q']
except KeyError as e:
    print(type(e).__name__, e)
