# accumulate and batched
from itertools import accumulate, batched
import operator
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3, 4], operator.mul)))
print(list(accumulate([3, 1, 4, 1, 5], max)), list(accumulate([])), list(accumulate([], initial=10)))
print(list(accumulate([1, 2, 3], initial=100)), list(accumulate('abc')), list(accumulate([1, 2], func=operator.sub, initial=0)))
print(list(accumulate([[1], [2], [3]])), list(accumulate(range(1, 6), lambda a, b: a * 10 + b)))
try:
    list(accumulate([1, 'a']))
except TypeError as e:
    print(type(e).__name__, e)
print(list(batched('ABCDEFG', 3)), list(batched(range(4), 2)), list(batched([], 5)), list(batched('ab', 10)))
print(type(next(batched('abc', 2))).__name__)
try:
    batched('abc', 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    list(batched('abcde', 2, strict=True))
except ValueError as e:
    print(type(e).__name__, e)
print(list(batched('abcd', 2, strict=True)))
try:
    batched('abc')
except TypeError as e:
    print(type(e).__name__, e)
