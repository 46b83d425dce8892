# functools.wraps, update_wrapper and total_ordering
from functools import wraps, total_ordering, update_wrapper
def deco(fn):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        """wrapper doc"""
        return fn(*args, **kwargs)
    return wrapper
@deco
def documented(a, b):
    """Adds things."""
    return a + b
print(documented.__name__, documented.__doc__, documented.__qualname__, documented.__wrapped__.__name__, documented(1, 2))
def plain_deco(fn):
    def wrapper():
        return fn()
    return wrapper
@plain_deco
def hidden():
    "doc"
print(hidden.__name__, hidden.__doc__)
def target():
    """target doc"""
target.extra = 'copied'
def w():
    pass
update_wrapper(w, target)
print(w.__name__, w.__doc__, w.extra, w.__wrapped__ is target)
@total_ordering
class Version:
    def __init__(self, *parts):
        self.parts = parts
    def __eq__(self, other):
        return self.parts == other.parts
    def __lt__(self, other):
        return self.parts < other.parts
    def __repr__(self):
        return 'V' + '.'.join(map(str, self.parts))
a, b = Version(1, 2), Version(1, 10)
print(a < b, a <= b, a > b, a >= b, a == b, a != b)
print(sorted([Version(2), Version(1, 5), Version(1)]), max(a, b))
try:
    @total_ordering
    class NoOrder:
        pass
except ValueError as e:
    print(type(e).__name__, e)
