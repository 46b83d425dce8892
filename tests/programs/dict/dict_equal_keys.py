# keys that compare equal across types share a slot
d = {1: 'int'}
d[1.0] = 'float'
d[True] = 'bool'
print(d, len(d), type(list(d)[0]).__name__)
e = {True: 'a', 1: 'b', 1.0: 'c', 0: 'z', False: 'y', 0.0: 'x'}
print(e)
print({0: 1}[False], {False: 1}[0], {2: 'two'}[2.0], {1 + 0j: 'c'}[1])
s = {1, 1.0, True}
print(s, len(s))
print({(1, 2): 'a'}[(1.0, 2.0)], {frozenset([1]): 'f'}[frozenset([True])])
class Key:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return hash(self.v)
    def __eq__(self, other):
        return isinstance(other, Key) and self.v == other.v
    def __repr__(self):
        return f'Key({self.v})'
d = {Key(1): 'first'}
d[Key(1)] = 'second'
print(d, Key(1) in d, Key(2) in d, 1 in d)
n = float('nan')
d = {n: 1}
d[n] = 2
d[float('nan')] = 3
print(len(d), d[n])
