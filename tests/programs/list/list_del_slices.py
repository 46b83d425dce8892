# del on indexes and slices
a = list(range(12))
del a[0]
print(a)
del a[-1]
print(a)
del a[2:4]
print(a)
del a[::3]
print(a)
del a[::-2]
print(a)
del a[10:20]
print(a)
del a[:]
print(a)
b = list(range(5))
del b[1], b[1]
print(b)
try:
    del b[5]
except IndexError as e:
    print(type(e).__name__, e)
try:
    del b['x']
except TypeError as e:
    print(type(e).__name__, e)
c = [1, 2, 3]
del c[-3]
print(c)
try:
    del c[-3]
except IndexError as e:
    print(type(e).__name__, e)
