# iterating over a list while it changes
a = [1, 2, 3, 4]
for x in a:
    if x == 2:
        a.append(5)
    print(x, end=' ')
print()
b = [1, 2, 3, 4, 5, 6]
for x in b:
    if x % 2 == 0:
        b.remove(x)
print(b)
c = [1, 2, 3]
it = iter(c)
print(next(it))
c.clear()
print(list(it))
d = [1, 2, 3]
it = iter(d)
d.extend([4, 5])
print(list(it))
r = reversed([1, 2, 3])
print(list(r), list(r))
e = [0, 1, 2]
for i, v in enumerate(e):
    if i < 3:
        e.insert(0, 'n')
    if len(e) > 6:
        break
print(e)
print(type(iter([])).__name__, type(reversed([])).__name__)
