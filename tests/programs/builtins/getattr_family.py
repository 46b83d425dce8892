# getattr, setattr, hasattr, delattr
class C:
    cls_attr = 'class'
    def __init__(self):
        self.x = 1
c = C()
print(getattr(c, 'x'), getattr(c, 'cls_attr'), getattr(c, 'missing', 'dflt'), getattr(c, 'missing', None))
setattr(c, 'y', 2)
setattr(c, 'with space', 3)
print(c.y, getattr(c, 'with space'), sorted(vars(c)))
print(hasattr(c, 'x'), hasattr(c, 'nope'), hasattr(C, 'cls_attr'), hasattr(c, '__class__'))
delattr(c, 'y')
print(hasattr(c, 'y'))
try:
    getattr(c, 'missing')
except AttributeError as e:
    print(type(e).__name__, e)
try:
    delattr(c, 'missing')
except AttributeError as e:
    print(type(e).__name__, e)
try:
    getattr(c, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    setattr(1, 'real', 5)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    getattr(c)
except TypeError as e:
    print(type(e).__name__, e)
class Raises:
    @property
    def boom(self):
        raise ValueError('inner')
    @property
    def attr_err(self):
        raise AttributeError('hidden')
r = Raises()
try:
    hasattr(r, 'boom')
except ValueError as e:
    print(type(e).__name__, e)
print(hasattr(r, 'attr_err'), getattr(r, 'attr_err', 'fallback'))
class Dyn:
    def __getattr__(self, name):
        return name.upper()
print(getattr(Dyn(), 'abc'), hasattr(Dyn(), 'anything'))
try:
    C.x
except AttributeError as e:
    print(type(e).__name__, e)
