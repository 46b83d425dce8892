# property, classmethod and staticmethod objects
class C:
    def __init__(self):
        self._x = 0
    @property
    def x(self):
        """The x property."""
        return self._x
    @x.setter
    def x(self, v):
        self._x = v * 2
    @x.deleter
    def x(self):
        print('deleting x')
    @classmethod
    def cm(cls, a):
        return (cls.__name__, a)
    @staticmethod
    def sm(a, b):
        return a + b
    ro = property(lambda self: 'read-only')
c = C()
c.x = 5
print(c.x, C.x.__doc__, type(C.x).__name__, C.x.fget.__name__, C.x.fset.__name__)
del c.x
print(C.cm(1), c.cm(2), C.sm(1, 2), c.sm(3, 4))
print(type(C.__dict__['cm']).__name__, type(C.__dict__['sm']).__name__, C.__dict__['sm'].__func__(5, 6))
print(C.__dict__['cm'].__func__.__name__, callable(C.__dict__['sm']), C.__dict__['sm'](1, 1))
try:
    c.ro = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del c.ro
except AttributeError as e:
    print(type(e).__name__, e)
class D(C):
    pass
print(D.cm(0), D().x, D.sm.__name__)
p = property()
try:
    p.__get__(c)
except AttributeError as e:
    print(type(e).__name__, e)
print(p.__get__(None, C) is p, C.x.__get__(None, C) is C.x)
bound = classmethod(lambda cls: cls.__name__).__get__(None, D)
print(bound(), staticmethod(len)('abc'))
print(property.__name__, property(doc='d').__doc__, C.x.getter(lambda s: 1).fget(None))
print(C.x.__isabstractmethod__, C.x.__name__ if hasattr(C.x, '__name__') else 'no name')
