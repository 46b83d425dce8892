# NotImplemented drives reflected operator dispatch
class A:
    def __add__(self, other):
        print('A.__add__')
        return NotImplemented
    def __eq__(self, other):
        print('A.__eq__')
        return NotImplemented
    def __lt__(self, other):
        print('A.__lt__')
        return NotImplemented
class B:
    def __radd__(self, other):
        print('B.__radd__')
        return 'B-result'
    def __eq__(self, other):
        print('B.__eq__')
        return NotImplemented
    def __gt__(self, other):
        print('B.__gt__')
        return 'B-gt'
a, b = A(), B()
print(a + b)
print(a == b)
print(a != b)
print(a < b)
try:
    a + a
except TypeError as e:
    print(type(e).__name__, e)
try:
    a < a
except TypeError as e:
    print(type(e).__name__, e)
class SubB(B):
    def __radd__(self, other):
        print('SubB.__radd__')
        return 'sub'
class Base:
    def __add__(self, other):
        print('Base.__add__')
        return 'base'
class Derived(Base):
    def __radd__(self, other):
        print('Derived.__radd__')
        return 'derived'
print(Base() + Derived())
print(1 .__add__(1.5), (1.5).__radd__(1), [].__eq__(()), 'x'.__mul__('y'))
