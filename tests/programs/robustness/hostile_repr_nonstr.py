# __repr__/__str__/__format__ returning non-strings
def check(label, fn):
    try:
        print(label, '->', fn())
    except (TypeError, ValueError) as e:
        print(label, '->', type(e).__name__, e)
class ReprInt:
    def __repr__(self):
        return 42
class ReprNone:
    def __repr__(self):
        return None
class StrBytes:
    def __str__(self):
        return b'bytes'
class ReprRaises:
    def __repr__(self):
        raise ValueError('repr exploded')
class ReprSub:
    def __repr__(self):
        class S(str):
            pass
        return S('subclass ok')
check('repr int', lambda: repr(ReprInt()))
check('str falls back to repr', lambda: str(ReprInt()))
check('repr in list', lambda: repr([ReprNone()]))
check('str bytes', lambda: str(StrBytes()))
check('print arg', lambda: '%s' % StrBytes())
check('f-string', lambda: f'{StrBytes()}')
check('repr raises in dict', lambda: repr({'k': ReprRaises()}))
check('format repr raises', lambda: f'{ReprRaises()!r}')
check('repr subclass', lambda: repr(ReprSub()))
check('ascii int', lambda: ascii(ReprInt()))
check('%r', lambda: '%r' % (ReprNone(),))
print(ReprInt())
