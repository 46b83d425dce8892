# larger int sets and their operations print deterministically
evens = set(range(0, 40, 2))
threes = set(range(0, 40, 3))
print(evens & threes)
print(evens ^ threes)
print(threes - evens)
print(len(evens | threes))
big = {x * 37 % 101 for x in range(30)}
print(big)
print(sorted(big)[:5], min(big), max(big))
m = {1, 2, 3}
m.update(range(60, 70))
m.difference_update(range(62, 68))
print(m)
print({i for i in range(100) if i % 7 == 0})
print(set(range(-5, 5)))
