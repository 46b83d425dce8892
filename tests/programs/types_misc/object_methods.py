# object() and the methods every object has
o = object()
print(type(o).__name__, o == o, o != o, o == object(), bool(o))
print(sorted(m for m in dir(o)))
class P:
    pass
p = P()
print(p.__class__.__name__, P.__bases__, P.__mro__, P.__name__, P.__qualname__, P.__module__)
print(p.__dict__, hasattr(o, '__dict__'), p.__eq__(p), p.__eq__(1), p.__ne__(p), p.__lt__(p))
print(str(p) == repr(p), format(p, '') == str(p), p.__format__('') == str(p))
print(p.__hash__() == hash(p), p.__sizeof__() > 0, p.__reduce_ex__(2)[0].__name__)
try:
    o.x = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    object(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    format(p, 'x')
except TypeError as e:
    print(type(e).__name__, e)
try:
    p < p
except TypeError as e:
    print(type(e).__name__, e)
p.x = 1
print(p.__dict__, vars(p), P.__dict__['__module__'], '__weakref__' in P.__dict__)
print(object.__subclasshook__(P) is NotImplemented, P.__subclasses__(), issubclass(P, object))
print(o.__init_subclass__() is None, object.__new__(P).__class__.__name__)
print(o.__getstate__() if hasattr(o, '__getstate__') else '', p.__getstate__())
