# frozenset: hashing, use as dict keys, methods
f = frozenset([3, 1, 2])
print(f, repr(frozenset()), frozenset('a') == frozenset(['a']), len(f))
print(hash(frozenset()) == hash(frozenset([])), hash(f) == hash(frozenset([1, 2, 3])))
d = {f: 'value', frozenset(): 'empty'}
print(d[frozenset([1, 2, 3])], d[frozenset()])
print(f | {4}, type(f | {4}).__name__, type({4} | f).__name__, f & {1, 9}, f - {1})
print(f.union([5]), f.copy() is f, frozenset(f) is f, f.isdisjoint([7]))
try:
    f.add(4)
except AttributeError as e:
    print(type(e).__name__, e)
s = {f, frozenset([1])}
print(len(s), frozenset([1]) in s, {1} in s)
print({frozenset({1, 2}): 1}.get({1, 2}) if False else 'skip')
try:
    {{1}: 2}
except TypeError as e:
    print(type(e).__name__, e)
print(hash(frozenset({1, 2})), hash(frozenset()), hash(frozenset({0})))
class FS(frozenset):
    pass
x = FS([1])
print(x, type(x | {2}).__name__, repr(FS()))
