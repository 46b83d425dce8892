# copy, bool, len, repr, and set of tuples
s = {(1, 2), (3, 4)}
c = s.copy()
c.add((5, 6))
print(len(s), len(c), (1, 2) in c, bool(set()), bool({0}))
print({None}, {()}, {(1,)}, {frozenset()}, set([frozenset([1])]))
print(repr({1}), str({1, 2}), f'{ {3} }', '%s' % {4})
nested = {frozenset({frozenset({1})})}
print(nested)
class R:
    def __repr__(self):
        return 'R'
    def __hash__(self):
        return 1
print({R()})
print(set.__name__, frozenset.__name__, set.__base__.__name__)
print({1, 2}.__len__(), {1}.__contains__(1), set.__or__({1}, {2}), set.__or__({1}, [2]))
