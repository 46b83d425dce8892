# hashing and comparing tuples
print(hash(()) == hash(()), hash((1, 2)) == hash((1, 2)), hash((1, 2)) == hash((1.0, 2.0)))
print(hash((1, (2, 3))) == hash((1, (2, 3))), hash((1, 2)) != hash((2, 1)))
print(hash(()), hash((1,)), hash((1, 2)), hash((-1,)), hash((0, 0)), hash(((),)))
d = {(1, 2): 'a', (1, (2,)): 'b'}
print(d[(1, 2)], d[1, 2], d[(1, (2,))])
try:
    hash((1, [2]))
except TypeError as e:
    print(type(e).__name__, e)
try:
    {(1, {}): 1}
except TypeError as e:
    print(type(e).__name__, e)
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), () < (0,), (2,) > (1, 9), (1, 2) == (1, 2))
print((1, 'a') < (1, 'b'), (1, 2) == [1, 2], (1, 2) != (1.0, 2.0), max((1, 2), (1, 3), (0, 9)))
print(sorted([(2, 'b'), (1, 'z'), (2, 'a'), (1,)]))
try:
    (1, 'a') < (1, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    (1,) < [1]
except TypeError as e:
    print(type(e).__name__, e)
n = float('nan')
print((n,) == (n,), (float('nan'),) == (float('nan'),), (n, 1) < (n, 2))
