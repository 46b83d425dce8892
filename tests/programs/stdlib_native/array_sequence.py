# array.array as a sequence: indexing, slices, extended slices, operators, comparisons.
import array


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


a = array.array('i', range(10))
print(len(a), a[0], a[-1], a[2:5], a[::3], a[::-2], a[5:2], a[-3:])
t(lambda: a[10])
t(lambda: a[-11])
t(lambda: a['x'])
t(lambda: a[1.0])
t(lambda: a[:'x'])
t(lambda: a[::0])


def assign(key, value):
    b = array.array('i', range(6))
    try:
        b[key] = value
    except Exception as e:
        print(type(e).__name__, e)
    print(b)


def delete(key):
    b = array.array('i', range(6))
    try:
        del b[key]
    except Exception as e:
        print(type(e).__name__, e)
    print(b)


assign(0, 100)
assign(-1, 100)
assign(6, 1)
assign(0, 'x')
assign(0, 2**40)
assign(slice(1, 3), array.array('i', [7, 8, 9]))
assign(slice(1, 3), array.array('i'))
assign(slice(None, None, 2), array.array('i', [1, 2, 3]))
assign(slice(None, None, 2), array.array('i', [1]))
assign(slice(None, None, -1), array.array('i', range(6)))
assign(slice(0, 1), [1])
assign(slice(0, 1), array.array('d', [1.0]))
assign(slice(4, 1), array.array('i', [5]))
delete(0)
delete(-1)
delete(6)
delete(slice(1, 4))
delete(slice(None, None, 2))
delete(slice(None, None, -3))
delete(slice(5, 1))

x = array.array('b', [1, 2])
y = array.array('b', [3])
print(x + y, x * 3, 3 * x, x * 0, x * -1)
t(lambda: x + array.array('h', [1]))
t(lambda: x + [1])
t(lambda: [1] + x)
t(lambda: x * 'x')
t(lambda: x * 2.0)
z = array.array('b', [1])
z += array.array('b', [2])
z *= 2
print(z)


def iadd(other):
    w = array.array('b', [1])
    w += other
    return w


t(lambda: iadd([1]))
t(lambda: iadd(array.array('B', [1])))
print(2 in x, 5 in x, 2.0 in x, 'a' in x)
print(list(x), [v * 2 for v in array.array('d', [0.5, 1.5])])
print(array.array('b') == array.array('b'), array.array('b', [1]) == array.array('d', [1.0]))
print(array.array('b', [1]) == [1], array.array('b', [1]) != [1])
print(array.array('i', [1, 2]) < array.array('i', [1, 3]), array.array('b', [1]) < array.array('b', [1, 0]))
print(array.array('i', [2]) >= array.array('d', [1.5]), array.array('i', [1, 2]) <= array.array('i', [1, 2]))
nan = float('nan')
print(array.array('d', [nan]) == array.array('d', [nan]))
t(lambda: array.array('i', [1]) < [2])
t(lambda: array.array('i', [1]) > 'x')
