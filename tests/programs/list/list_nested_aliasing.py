# nested lists and aliasing
row = [0, 0]
grid = [row, row]
grid[0][1] = 7
print(grid, grid[0] is grid[1])
m = [[i * 3 + j for j in range(3)] for i in range(3)]
print(m[1], m[1][2], m[-1][-1], [r[0] for r in m])
m[0][0] = 'x'
t = m[0]
t.append('y')
print(m)
nested = [1, [2, [3, [4, [5]]]]]
print(nested[1][1][1][1][0], len(nested), nested[1][1])
def flatten(x):
    out = []
    for item in x:
        if isinstance(item, list):
            out.extend(flatten(item))
        else:
            out.append(item)
    return out
print(flatten(nested))
a = [1, 2, 3]
def mutate(lst):
    lst.append(4)
    lst = [0]
    lst.append(5)
    return lst
print(mutate(a), a)
def default_arg(x, acc=[]):
    acc.append(x)
    return acc
print(default_arg(1), default_arg(2), default_arg(3, []))
