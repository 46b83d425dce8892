from itertools import permutations

for p in permutations('ABC', 2):
    print(p)
