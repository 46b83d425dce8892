# remove, pop and their errors
a = [3, 1, 4, 1, 5, 9, 2, 6]
a.remove(1)
print(a)
print(a.pop(), a.pop(0), a.pop(-2), a.pop(1), a)
try:
    a.remove(42)
except ValueError as e:
    print(type(e).__name__, e)
try:
    [].pop()
except IndexError as e:
    print(type(e).__name__, e)
try:
    a.pop(10)
except IndexError as e:
    print(type(e).__name__, e)
try:
    a.pop(-10)
except IndexError as e:
    print(type(e).__name__, e)
try:
    a.pop('0')
except TypeError as e:
    print(type(e).__name__, e)
b = [1, 1.0, True]
b.remove(True)
print(b)
c = [float('nan')]
n = c[0]
c.remove(n)
print(c)
try:
    [float('nan')].remove(float('nan'))
except ValueError as e:
    print(type(e).__name__, e)
d = ['a', 'b']
print(d.pop(True), d)
