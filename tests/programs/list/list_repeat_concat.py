# * repetition and + / += concatenation
print([1, 2] * 3, 3 * [0], [1] * 0, [1] * -5, [] * 100)
print([1] + [2], [1] + [], [[1]] * 2)
a = [1]
a += (2, 3)
a += 'xy'
a += range(2)
a += {5: None}
print(a)
a *= 2
print(a)
a *= 0
print(a)
for fn in (lambda: [1] + (2,), lambda: [1] + 'a', lambda: [1] * 1.5, lambda: [1] * [2]):
    try:
        fn()
    except TypeError as e:
        print(type(e).__name__, e)
b = [1]
try:
    b += 5
except TypeError as e:
    print(type(e).__name__, e)
grid = [[0]] * 2
grid[0].append(1)
print(grid)
print(len([None] * 1000), [None] * 3)
