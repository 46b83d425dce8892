# __index__, __bool__, __int__, __float__ returning wrong types
def check(label, fn):
    try:
        print(label, '->', fn())
    except (TypeError, ValueError) as e:
        print(label, '->', type(e).__name__, e)
class IndexFloat:
    def __index__(self):
        return 1.5
class BoolInt:
    def __bool__(self):
        return 1
class BoolNone:
    def __bool__(self):
        return None
class IntStr:
    def __int__(self):
        return '7'
class FloatInt:
    def __float__(self):
        return 7
class ComplexStr:
    def __complex__(self):
        return 'c'
check('list[IndexFloat]', lambda: [1, 2][IndexFloat()])
check('operator.index', lambda: __import__('operator').index(IndexFloat()))
check('range(IndexFloat)', lambda: range(IndexFloat()))
check('hex(IndexFloat)', lambda: hex(IndexFloat()))
check('bool(BoolInt)', lambda: bool(BoolInt()))
check('if BoolInt', lambda: 'yes' if BoolInt() else 'no')
check('not BoolNone', lambda: not BoolNone())
check('while BoolInt', lambda: [x for x in [1] if BoolInt()])
check('int(IntStr)', lambda: int(IntStr()))
check('float(FloatInt)', lambda: float(FloatInt()))
check('complex(ComplexStr)', lambda: complex(ComplexStr()))
check('math.floor(FloatInt)', lambda: __import__('math').sqrt(FloatInt()))
