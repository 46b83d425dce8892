# rich comparisons returning odd objects
def check(label, fn):
    try:
        print(label, '->', fn())
    except (TypeError, ValueError, RuntimeError) as e:
        print(label, '->', type(e).__name__, e)
class BadBool:
    def __bool__(self):
        raise RuntimeError('truth value unavailable')
    def __repr__(self):
        return 'BadBool()'
class Weird:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return [1] if self.v < other.v else []
    def __eq__(self, other):
        return BadBool()
    def __repr__(self):
        return 'W%d' % self.v
class NotImpl:
    def __eq__(self, other):
        return NotImplemented
    def __lt__(self, other):
        return NotImplemented
check('sorted with list results', lambda: sorted([Weird(3), Weird(1), Weird(2)]))
check('min with list results', lambda: min([Weird(3), Weird(1)]))
check('== returns BadBool', lambda: Weird(1) == Weird(1))
check('if on BadBool', lambda: 'yes' if Weird(1) == Weird(2) else 'no')
check('in list uses truth of ==', lambda: Weird(1) in [Weird(2)])
check('list == uses truth', lambda: [Weird(1)] == [Weird(1)])
check('NotImpl == same object', lambda: (lambda x: x == x)(NotImpl()))
check('NotImpl == other', lambda: NotImpl() == NotImpl())
check('NotImpl != other', lambda: NotImpl() != NotImpl())
check('NotImpl < other', lambda: NotImpl() < NotImpl())
check('NotImpl in list (identity)', lambda: (lambda x: x in [x])(NotImpl()))
check('chained with BadBool', lambda: 1 < 2 == BadBool() if False else (Weird(1) == Weird(1)) and 1)
check('not BadBool', lambda: not BadBool())
