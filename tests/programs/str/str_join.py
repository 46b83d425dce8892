# str.join and its errors
print(','.join(['a', 'b', 'c']), ''.join([]), '-'.join('xyz'), ', '.join(('p',)))
print(' '.join(str(i) for i in range(5)))
print('ab'.join(['1', '2', '3']), '\n'.join(['l1', 'l2']))
print('.'.join({'k1': 1, 'k2': 2}))
print(''.join(map(chr, [72, 105])))
class S(str):
    pass
print(repr('+'.join([S('a'), S('b')])), type('+'.join([S('a')])).__name__)
for bad in [['a', 1, 'b'], [None], ['x', b'y'], 5]:
    try:
        '-'.join(bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    b','.join(['a'])
except TypeError as e:
    print(type(e).__name__, e)
print(', '.join([]) == '', len('x'.join(['a'] * 1000)))
print(' '.join(['ok', 2]))
