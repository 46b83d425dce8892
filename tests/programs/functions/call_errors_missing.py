def one(a):
    pass
def two(a, b):
    pass
def three(a, b, c):
    pass
def kwonly(*, x, y):
    pass
def mixed(a, b, *, c, d):
    pass
class K:
    def method(self, a, b):
        pass
    @staticmethod
    def smeth(a):
        pass
    @classmethod
    def cmeth(cls, a):
        pass
calls = [
    lambda: one(),
    lambda: two(),
    lambda: two(1),
    lambda: three(),
    lambda: three(1),
    lambda: three(b=1),
    lambda: kwonly(),
    lambda: kwonly(x=1),
    lambda: mixed(1, 2),
    lambda: mixed(),
    lambda: K().method(),
    lambda: K().method(1),
    lambda: K.method(),
    lambda: K.smeth(),
    lambda: K.cmeth(),
    lambda: (lambda q: q)(),
]
for c in calls:
    try:
        c()
    except TypeError as e:
        print(e)
def nested():
    def inner(p):
        pass
    return inner
try:
    nested()()
except TypeError as e:
    print(e)
