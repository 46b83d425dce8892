# attribute hooks that misbehave
def check(label, fn):
    try:
        print(label, '->', fn())
    except (AttributeError, TypeError, ValueError, KeyError) as e:
        print(label, '->', type(e).__name__, e)
class GetattributeRaises:
    def __getattribute__(self, name):
        raise KeyError(name)
class GetattrValue:
    def __getattr__(self, name):
        raise ValueError('no ' + name)
class SetattrRaises:
    def __setattr__(self, name, value):
        raise TypeError('immutable: ' + name)
class LyingClass:
    @property
    def __class__(self):
        return int
check('getattribute KeyError', lambda: GetattributeRaises().x)
check('hasattr propagates KeyError', lambda: hasattr(GetattributeRaises(), 'x'))
check('getattr default ignores only AttributeError', lambda: getattr(GetattrValue(), 'q', 'dflt'))
check('setattr raises', lambda: setattr(SetattrRaises(), 'a', 1))
check('isinstance lying __class__', lambda: (isinstance(LyingClass(), int), type(LyingClass()).__name__))
class DelattrOnly:
    def __delattr__(self, name):
        raise AttributeError('cannot delete ' + name)
check('delattr', lambda: delattr(DelattrOnly(), 'z'))
class SlotsOnly:
    __slots__ = ('a',)
s = SlotsOnly()
check('unset slot', lambda: s.a)
check('del unset slot', lambda: delattr(s, 'a'))
check('__dict__ assign on slots', lambda: setattr(s, '__dict__', {}))
class Weird:
    pass
w = Weird()
check('assign __class__ to int', lambda: setattr(w, '__class__', int))
check('assign __dict__ non-dict', lambda: setattr(w, '__dict__', 5))
check('assign __bases__', lambda: setattr(Weird, '__bases__', (int,)))
check('set attr on builtin type', lambda: setattr(int, 'foo', 1))
check('del builtin type attr', lambda: delattr(str, 'upper'))
