class A:
    def f(self):
        return "A.f"
    @classmethod
    def c(cls):
        return f"A.c({cls.__name__})"
class B(A):
    def f(self):
        return "B.f"
class C(B):
    def f(self):
        return "C.f"
obj = C()
print(super(C, obj).f(), super(B, obj).f())
try:
    super(A, obj).f()
except AttributeError as e:
    print(type(e).__name__, e)
print(super(C, C).c(), super(B, C).c())
print(super(C, C).f(obj))
unbound = super(C)
print(type(unbound).__name__)
try:
    super(C, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    super(1, obj)
except TypeError as e:
    print(type(e).__name__, e)
class Mixin:
    def hello(self):
        return "Mixin>" + super().hello()
class Root:
    def hello(self):
        return "Root"
class Combined(Mixin, Root):
    pass
print(Combined().hello())
try:
    Mixin().hello()
except AttributeError as e:
    print(type(e).__name__, e)
class P:
    x = "P.x"
class Q(P):
    x = "Q.x"
    def get(self):
        return super().x, super(Q, self).x, self.x
print(Q().get())
class R(Q):
    pass
print(super(R, R()).get())
print(super(Q, Q()).__class__.__name__)
