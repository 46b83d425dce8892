# __hash__ and __len__ returning the wrong things
def check(label, fn):
    try:
        print(label, '->', fn())
    except (TypeError, ValueError, OverflowError) as e:
        print(label, '->', type(e).__name__, e)
class HashStr:
    def __hash__(self):
        return 'not an int'
class HashFloat:
    def __hash__(self):
        return 1.0
class HashHuge:
    def __hash__(self):
        return 10 ** 100
class HashRaises:
    def __hash__(self):
        raise TypeError('custom unhashable')
check('hash str', lambda: hash(HashStr()))
check('dict key str hash', lambda: {HashStr(): 1})
check('set add float hash', lambda: {HashFloat()})
check('hash huge', lambda: hash(HashHuge()) == hash(10 ** 100))
check('hash raises', lambda: {HashRaises()})
class LenHuge:
    def __len__(self):
        return 2 ** 100
class LenStr:
    def __len__(self):
        return '3'
class LenNeg:
    def __len__(self):
        return -5
class LenRaises:
    def __len__(self):
        raise KeyError('in len')
for cls in (LenHuge, LenStr, LenNeg):
    check('len ' + cls.__name__, lambda: len(cls()))
    check('bool ' + cls.__name__, lambda: bool(cls()))
try:
    len(LenRaises())
except KeyError as e:
    print('len LenRaises ->', type(e).__name__, e)
class HintBad:
    def __iter__(self):
        return iter([1, 2])
    def __length_hint__(self):
        return -1
check('list with negative length hint', lambda: list(HintBad()))
class HintStr(HintBad):
    def __length_hint__(self):
        return 'x'
check('list with str length hint', lambda: list(HintStr()))
