
class Singleton:
    def __new__(cls):
        if not hasattr(cls, 'instance'):
            cls.instance = super(Singleton, cls).__new__(cls)
        return cls.instance

a = Singleton()
b = Singleton()
print(a is b)
a.value = 42
print(b.value)
print(hasattr(Singleton, 'instance'), Singleton.instance is a)

class Sub(Singleton):
    pass

print(Sub() is a)
