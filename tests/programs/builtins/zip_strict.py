# zip including strict=True
print(list(zip([1, 2, 3], 'ab')), list(zip()), list(zip([1])), list(zip('ab', 'cd', 'ef')))
print(list(zip([1, 2], [3, 4], strict=True)), dict(zip('ab', range(2))))
for args in [([1, 2, 3], 'ab'), ([1], 'ab'), ([1, 2], 'ab', 'c'), ([1, 2], 'ab', 'abc'), ('a', [], [])]:
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as e:
        print(type(e).__name__, e)
z = zip([1, 2], [3])
print(next(z), next(z, 'stop'))
try:
    zip(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
pairs = [(1, 'a'), (2, 'b')]
nums, letters = zip(*pairs)
print(nums, letters)
it = iter(range(10))
print(list(zip(it, it)))
consumed = iter([1, 2, 3])
print(list(zip([0], consumed)), list(consumed))
z2 = zip('ab', 'cde', strict=True)
print(next(z2), next(z2))
try:
    next(z2)
except ValueError as e:
    print(type(e).__name__, e)
