# an uncaught unpacking error
first, second = ('x', 'y')
print(first, second)
try:
    a, b = (1, 2, 3)
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, b, c = [1]
except ValueError as e:
    print(type(e).__name__, e)
pairs = [('a', 1), ('b', 2), ('c', 3, 'extra')]
for name, value in pairs:
    print(name, value)
