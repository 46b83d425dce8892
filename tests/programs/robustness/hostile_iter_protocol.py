# broken iteration protocols
def check(label, fn):
    try:
        print(label, '->', fn())
    except (TypeError, ValueError, RuntimeError) as e:
        print(label, '->', type(e).__name__, e)
class IterReturnsInt:
    def __iter__(self):
        return 5
class IterReturnsList:
    def __iter__(self):
        return [1, 2]
class NoNext:
    def __iter__(self):
        return self
class NextRaises:
    def __iter__(self):
        return self
    def __next__(self):
        raise ValueError('next broke')
class IterNone:
    __iter__ = None
check('iter int', lambda: iter(IterReturnsInt()))
check('for over int iter', lambda: [x for x in IterReturnsInt()])
check('iter list', lambda: list(IterReturnsList()))
check('no __next__', lambda: list(NoNext()))
check('next raises', lambda: list(NextRaises()))
check('__iter__ = None', lambda: iter(IterNone()))
check('unpack', lambda: (lambda a, b: a)(*IterReturnsInt()))
def stop_in_gen():
    yield 1
    raise StopIteration('leaked')
check('StopIteration in generator', lambda: list(stop_in_gen()))
def running():
    yield next(g)
g = running()
check('generator already executing', lambda: next(g))
check('send non-None to fresh generator', lambda: (x for x in [1]).send(5))
class GetitemBad:
    def __getitem__(self, i):
        if i > 1:
            raise TypeError('getitem bad index %d' % i)
        return i
check('old-style iteration error', lambda: list(GetitemBad()))
