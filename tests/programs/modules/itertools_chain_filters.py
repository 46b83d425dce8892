# chain, chain.from_iterable, compress, dropwhile, takewhile, filterfalse
from itertools import chain, compress, dropwhile, takewhile, filterfalse
print(list(chain('ab', [1, 2], (3,))), list(chain()), list(chain([], [])), list(chain.from_iterable(['xy', 'z'])))
print(list(chain.from_iterable([[1, [2]], [], [3]])), list(chain.from_iterable(x * 2 for x in 'ab')))
print(list(compress('ABCDEF', [1, 0, 1, 0, 1, 1])), list(compress('ABC', [0, 1])), list(compress('AB', [1, 1, 1, 1])))
print(list(compress(range(5), (x % 2 == 0 for x in range(5)))))
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(dropwhile(lambda x: True, [1, 2])), list(dropwhile(bool, [])))
print(list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(takewhile(lambda x: False, [1, 2])), list(takewhile(str.isalpha, 'abc1de')))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, '', 'a', None])))
for fn in (lambda: chain(1), lambda: list(chain(1)), lambda: list(chain.from_iterable([1])),
           lambda: compress('a'), lambda: dropwhile(None), lambda: list(takewhile(None, [1]))):
    try:
        r = fn()
        print('no error yet:', type(r).__name__)
    except TypeError as e:
        print(type(e).__name__, e)
