# bool, None, NotImplemented, Ellipsis
print(True, False, None, NotImplemented, Ellipsis, ...)
print(type(True).__name__, type(None).__name__, type(NotImplemented).__name__, type(...).__name__)
print(bool(), bool(None), bool(NotImplemented) if False else 'skip', bool(...), bool([]), bool([0]))
print(None is None, ... is Ellipsis, type(None)() is None, type(...)() is ..., type(NotImplemented)() is NotImplemented)
print(repr(None), str(...), repr(NotImplemented), hash(None) == hash(None))
print(None == 0, None == False, None == '', not None, None or 'default', None and 1)
print(True and 'x', False or [], 0 or '' or None, 1 and 2 and 3, [] and 1)
print(True + 1, True * 'ab', int(False), str(True), True.__class__.__mro__)
try:
    None + 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    nothing = None
    nothing()
except TypeError as e:
    print(type(e).__name__, e)
try:
    None.attr
except AttributeError as e:
    print(type(e).__name__, e)
try:
    len(None)
except TypeError as e:
    print(type(e).__name__, e)
class B:
    def __bool__(self):
        return False
class L:
    def __len__(self):
        return 0
print(bool(B()), bool(L()), not B(), 'yes' if L() else 'no')
print(None.__bool__(), (...).__class__.__name__, NotImplemented.__reduce__())
