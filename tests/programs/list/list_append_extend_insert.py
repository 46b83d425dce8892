# append, extend, insert at odd indexes
a = [1, 2, 3]
a.append(4)
a.append([5])
print(a)
a.extend([6, 7])
a.extend((8,))
a.extend('ab')
a.extend(range(2))
a.extend({'k': 1})
a.extend(x * 10 for x in range(2))
print(a)
b = [0, 1, 2]
b.insert(0, 'start')
b.insert(len(b), 'end')
b.insert(100, 'far')
b.insert(-1, 'before-last')
b.insert(-100, 'very-first')
b.insert(2, 'mid')
print(b)
c = []
c.insert(-5, 'x')
c.insert(5, 'y')
print(c)
d = [1, 2]
d.extend(d)
print(d)
d.append(d)
print(d)
for fn in (lambda: a.extend(5), lambda: a.insert('0', 1), lambda: a.append(), lambda: a.insert(1)):
    try:
        fn()
    except TypeError as e:
        print(type(e).__name__, e)
print(a.append(9), a.extend([]), a.insert(0, 0))
