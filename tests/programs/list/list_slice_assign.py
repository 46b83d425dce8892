# slice assignment, including extended slices
a = list(range(10))
a[2:5] = ['a', 'b']
print(a)
a[0:0] = [-2, -1]
print(a)
a[-1:] = 'xyz'
print(a)
a[::2] = range(len(a[::2]))
print(a)
a[1::3] = ['#'] * len(a[1::3])
print(a)
a[::-1] = a[:]
print(a)
a[len(a):] = [100]
a[100:200] = [200]
print(a)
a[5:2] = ['ins']
print(a)
b = [1, 2, 3]
b[:] = b
print(b)
b[1:2] = b
print(b)
for fn in (lambda: a.__setitem__(slice(None, None, 2), [1, 2]),
           lambda: a.__setitem__(slice(None, None, -1), []),
           lambda: a.__setitem__(slice(0, 6, 3), [1, 2, 3])):
    try:
        fn()
    except ValueError as e:
        print(type(e).__name__, e)
try:
    a[0:2] = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    a[::0] = []
except ValueError as e:
    print(type(e).__name__, e)
c = [0] * 5
c[1:4:2] = 'ab'
print(c)
c[::] = []
print(c)
