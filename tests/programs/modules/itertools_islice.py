# islice with all argument forms and errors
from itertools import islice, count
s = 'ABCDEFG'
print(list(islice(s, 2)), list(islice(s, 2, 4)), list(islice(s, 2, None)), list(islice(s, 0, None, 2)))
print(list(islice(s, None)), list(islice(s, None, 3)), list(islice(s, 1, 6, 2)), list(islice(s, 10)))
print(list(islice(s, 5, 2)), list(islice(count(), 5, 10, 3)), list(islice(s, 0)))
it = iter(range(10))
print(list(islice(it, 3)), list(islice(it, 2)), next(it))
gen = (x * x for x in range(10))
print(list(islice(gen, 2, 4)), next(gen))
for args in [(-1,), (0, -1), (0, 5, 0), (0, 5, -1), ('a',), (1.5,), (None, None, 0)]:
    try:
        islice(s, *args)
        print(args, 'ok')
    except ValueError as e:
        print(args, type(e).__name__, e)
try:
    islice(s)
except TypeError as e:
    print(type(e).__name__, e)
try:
    islice(5, 1)
except TypeError as e:
    print(type(e).__name__, e)
print(list(islice(s, True)))
try:
    islice(s, 10 ** 20)
except ValueError as e:
    print(type(e).__name__, e)
