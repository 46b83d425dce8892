# type() with three arguments and class attributes
Base = type('Base', (), {'greet': lambda self: 'hi from ' + type(self).__name__})
Derived = type('Derived', (Base,), {'x': 10, '__doc__': 'doc'})
d = Derived()
print(d.greet(), Derived.x, Derived.__doc__, Derived.__name__, Derived.__bases__[0].__name__)
print(Derived.__mro__ == (Derived, Base, object), type(Derived).__name__, isinstance(d, Base))
print(Derived.__module__, Derived.__qualname__)
Empty = type('Empty', (), {})
print(Empty.__name__, Empty().__class__ is Empty, Empty.__dict__.get('__doc__'))
for args in [('X',), ('X', (), {}, 1), (1, (), {}), ('X', 1, {}), ('X', (), 1), ('X', (1,), {})]:
    try:
        type(*args)
    except TypeError as e:
        print(type(e).__name__, e)
WithSlots = type('WithSlots', (), {'__slots__': ('a',)})
w = WithSlots()
w.a = 1
try:
    w.b = 2
except AttributeError as e:
    print(type(e).__name__, e)
print(type(5) is int, type(type) is type, type.__call__(int, '7'))
