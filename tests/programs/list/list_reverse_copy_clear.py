# reverse, copy, clear and aliasing
a = [1, [2, 3], 4]
b = a
c = a.copy()
d = a[:]
e = list(a)
a.reverse()
print(a, b, c, d, e)
c[1].append(99)
print(a, c, a[1] is c[1])
a.clear()
print(a, b, c, len(b))
x = [1, 2]
x2 = x
x = x + [3]
print(x, x2)
y = [1, 2]
y2 = y
y += [3]
print(y, y2, y is y2)
z = [[0] * 2] * 3
z[0][0] = 5
print(z)
w = [[0] * 2 for _ in range(3)]
w[0][0] = 5
print(w)
print([].copy(), list(reversed([1, 2, 3])), [1, 2, 3][::-1])
import copy
deep = [[1, [2]], 3]
dc = copy.deepcopy(deep)
dc[0][1].append('x')
print(deep, dc)
