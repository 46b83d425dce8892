# product, permutations, combinations, combinations_with_replacement
from itertools import product, permutations, combinations, combinations_with_replacement as cwr
print(list(product('AB', 'xy')), list(product(range(2), repeat=3)))
print(list(product()), list(product('ab', [])), list(product('ab', repeat=0)), len(list(product('abc', 'de', 'f'))))
print(list(permutations('ABC', 2)), list(permutations(range(3))))
print(list(permutations('AB', 3)), list(permutations('AB', 0)), list(permutations([])))
print(list(combinations('ABCD', 2)), list(combinations(range(4), 3)), list(combinations('AB', 3)), list(combinations('AB', 0)))
print(list(cwr('ABC', 2)), list(cwr('AB', 3)), list(cwr('', 2)), list(cwr('', 0)))
print(list(combinations([3, 1, 2], 2)), list(permutations([1, 1], 2)))
print(len(list(permutations(range(6)))), len(list(combinations(range(10), 4))), len(list(cwr(range(5), 3))))
for fn in (lambda: permutations('ab', -1), lambda: combinations('ab', -1), lambda: cwr('ab', -1),
           lambda: product('ab', repeat=-1)):
    try:
        fn()
    except ValueError as e:
        print(type(e).__name__, e)
try:
    combinations('ab')
except TypeError as e:
    print(type(e).__name__, e)
try:
    permutations('ab', 1.5)
except TypeError as e:
    print(type(e).__name__, e)
