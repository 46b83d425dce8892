# __eq__ that mutates the dict being searched
class Mutator:
    def __init__(self, target, name):
        self.target = target
        self.name = name
    def __hash__(self):
        return 42
    def __eq__(self, other):
        self.target.clear()
        return False
    def __repr__(self):
        return 'Mutator(%s)' % self.name
d = {}
d[Mutator(d, 'a')] = 1
print(Mutator(d, 'probe') in d, d)
d = {}
for i in range(5):
    d[Mutator(d, str(i))] = i
print(0 < len(d) <= 5)
print(d.get(Mutator(d, 'x'), 'default'), len(d))
class Adder:
    def __init__(self, target):
        self.target = target
    def __hash__(self):
        return 7
    def __eq__(self, other):
        self.target[len(self.target) + 100] = 'added'
        return False
d2 = {}
d2[Adder(d2)] = 'first'
print(Adder(d2) in d2, len(d2) >= 2)
s = set()
class SetMut:
    def __hash__(self):
        return 1
    def __eq__(self, other):
        s.clear()
        return False
s.add(SetMut())
print(SetMut() in s, len(s))
print('alive')
