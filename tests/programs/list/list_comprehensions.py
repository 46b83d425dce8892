# list comprehensions
print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[y for y in range(x)] for x in range(4)])
print([c.upper() for c in 'abc'], [i for i in []])
print([x if x > 2 else -x for x in range(5)])
x = 'outer'
print([x for x in 'ab'], x)
print([(lambda v=i: v)() for i in range(3)])
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
print([y := 5, y ** 2])
print([v for v in (n * 2 for n in range(3))])
print([k + str(v) for k, v in {'a': 1, 'b': 2}.items()])
print([a + b for a, b in zip([1, 2], [10, 20])])
print([*range(3), *'ab'])
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
print([n for row in matrix for n in row if n != 3])
