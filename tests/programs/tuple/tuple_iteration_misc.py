# iteration, membership and conversions with tuples
t = ('a', 'b', 'c')
for i, v in enumerate(t):
    print(i, v)
print(list(zip(t, range(3))), dict(zip(t, t[::-1])), set(t) == {'a', 'b', 'c'})
print('b' in t, ('a',) in t, ('a',) in (('a',),), t.__contains__('c'))
print(tuple(map(str.upper, t)), tuple(filter(lambda s: s != 'b', t)))
it = iter(t)
print(next(it), list(it), type(iter(t)).__name__)
def gen():
    yield from t
print(tuple(gen()), (*t, 'd'), (*t[:1],))
print(bool(()), bool((0,)), (0,) * 2)
args = (3, 1, 2)
print(max(*args), sorted(args), '{}-{}-{}'.format(*args))
print(divmod(*(7, 2)), pow(*(2, 5)))
print(type(()).__name__, () == (), tuple.__base__.__name__)
