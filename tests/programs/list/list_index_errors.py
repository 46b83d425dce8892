# indexing errors and negative indexes
a = [10, 20, 30]
print(a[0], a[-1], a[-3], a[2], a[1:], a[-2:], a[:-5], a[5:], a[::-1])
for i in [3, -4, 10 ** 20]:
    try:
        a[i]
    except IndexError as e:
        print(type(e).__name__, e)
try:
    a[3] = 1
except IndexError as e:
    print(type(e).__name__, e)
try:
    a['0']
except TypeError as e:
    print(type(e).__name__, e)
try:
    a[None]
except TypeError as e:
    print(type(e).__name__, e)
try:
    [][0]
except IndexError as e:
    print(type(e).__name__, e)
a[-1] = 'last'
print(a)
print(a[True], a[-True])
print(a[1.0])
