# dict comprehensions
print({x: x * x for x in range(5)})
print({k: v for k, v in zip('abc', range(3)) if v != 1})
print({v: k for k, v in {'a': 1, 'b': 2}.items()})
print({x % 3: x for x in range(10)})
print({(i, j): i * j for i in range(2) for j in range(2)})
print({c: 'abcabc'.count(c) for c in 'abcabc'})
print({str(i): [j for j in range(i)] for i in range(3)})
k = 'outer'
print({k: 1 for k in 'xy'}, k)
try:
    {[x]: x for x in range(2)}
except TypeError as e:
    print(type(e).__name__, e)
print(dict((i, str(i)) for i in range(3)))
