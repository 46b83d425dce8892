class A: pass
class B(A): pass
for bases in [(A, B), (A, A)]:
    try:
        type("Bad", bases, {})
    except TypeError as e:
        print(type(e).__name__, e)
class X: pass
class Y: pass
class P(X, Y): pass
class Q(Y, X): pass
try:
    class R(P, Q):
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    class S(int, str):
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    class T(bool):
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    class U(1):
        pass
except TypeError as e:
    print(type(e).__name__, e)
class Good(B, A):
    pass
print([k.__name__ for k in Good.__mro__])
class Bad(P, Q):
    pass
