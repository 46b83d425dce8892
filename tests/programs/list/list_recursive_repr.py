# repr of recursive and nested lists
a = [1, 2]
a.append(a)
print(a)
print(repr(a), str(a), len(a))
b = []
b.append(b)
print(b, [b], [[b]])
c = [1]
d = [c]
c.append(d)
print(c, d)
e = {'list': []}
e['list'].append(e)
print(e)
f = [1]
g = (f,)
f.append(g)
print(f, g)
print(a == a)
print([[[]]], [[], [[]]], [[1, [2, [3, [4]]]]])
print(str([None, True, 'str', 1.5, b'b', (1,), {1}]))
