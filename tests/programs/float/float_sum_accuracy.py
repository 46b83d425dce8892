# summing floats: sum() uses Neumaier compensation in 3.12+
import math
vals = [0.1] * 10
print(sum(vals), math.fsum(vals))
print(sum([1e100, 1.0, -1e100, 1.0]), math.fsum([1e100, 1.0, -1e100, 1.0]))
print(sum([0.1, 0.2, 0.3]), 0.1 + 0.2 + 0.3)
print(sum([1.0, 1e-16, 1e-16, -1.0]))
print(sum(x / 10 for x in range(100)))
print(sum([1, 2.5, 3]), sum([], 0.0), sum([0.5], 1))
print(sum([float('inf'), 1.0]), sum([float('inf'), float('-inf')]))
print(sum([1e308, 1e308]))
acc = 0.0
for i in range(1000):
    acc += 0.001
print(acc, sum([0.001] * 1000))
print(math.prod([0.5, 4, 1.5]), math.prod([]), math.prod([2.0] * 10))
print(sum([2 ** 60, 0.5]), sum([0.5, 2 ** 60]))
