# vars() and dir()
class Animal:
    kind = 'generic'
    def __init__(self, name):
        self.name = name
    def speak(self):
        return '...'
class Dog(Animal):
    sound = 'woof'
    def speak(self):
        return self.sound
d = Dog('rex')
print(vars(d), vars(d) is d.__dict__)
print([n for n in dir(d) if not n.startswith('__')])
print([n for n in dir(Dog) if not n.startswith('__')])
print(sorted(k for k in vars(Dog) if not k.startswith('__')))
import types
m = types.ModuleType('m')
m.a = 1
print([n for n in dir(m) if not n.startswith('__')])
try:
    vars(5)
except TypeError as e:
    print(type(e).__name__, e)
class WithDir:
    def __dir__(self):
        return ['zeta', 'alpha', 'alpha']
print(dir(WithDir()))
def f():
    local_a = 1
    local_b = 2
    return dir(), sorted(vars())
print(f())
class Slotted:
    __slots__ = ('a', 'b')
s = Slotted()
print([n for n in dir(s) if not n.startswith('__')])
try:
    vars(s)
except TypeError as e:
    print(type(e).__name__, e)
print(dir(5) == sorted(dir(5)), 'real' in dir(5))
