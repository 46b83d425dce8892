# KeyError str/repr forms
d = {}
for key in ['missing', 42, (1, 2), '', None, 1.5, ('a',), frozenset({1}), b'b']:
    try:
        d[key]
    except KeyError as e:
        print(repr(str(e)), repr(e), e.args)
try:
    raise KeyError('a', 'b')
except KeyError as e:
    print(str(e), repr(e))
try:
    raise KeyError()
except KeyError as e:
    print(repr(str(e)), repr(e))
try:
    del d['gone']
except KeyError as e:
    print(type(e).__name__, e)
print(issubclass(KeyError, LookupError))
d['x']
