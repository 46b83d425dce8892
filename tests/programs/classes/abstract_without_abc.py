class Shape:
    def area(self):
        raise NotImplementedError(f"{type(self).__name__} must implement area()")
    def describe(self):
        return f"{type(self).__name__} with area {self.area()}"
class Square(Shape):
    def __init__(self, side):
        self.side = side
    def area(self):
        return self.side ** 2
class Blob(Shape):
    pass
print(Square(3).describe())
try:
    Blob().describe()
except NotImplementedError as e:
    print(type(e).__name__, e)
print(issubclass(NotImplementedError, RuntimeError))
class Interface:
    required = ("start", "stop")
    def __init__(self):
        missing = [m for m in self.required if getattr(type(self), m, None) is None]
        if missing:
            raise TypeError(f"cannot instantiate {type(self).__name__}: missing {', '.join(missing)}")
class Engine(Interface):
    def start(self):
        return "vroom"
    def stop(self):
        return "halt"
class Half(Interface):
    def start(self):
        return "half"
print(Engine().start())
try:
    Half()
except TypeError as e:
    print(type(e).__name__, e)
class Template:
    def run(self):
        return [self.step1(), self.step2()]
    def step1(self):
        return "default step1"
    def step2(self):
        return "default step2"
class Custom(Template):
    def step2(self):
        return "custom step2"
print(Custom().run())
class NoInstances:
    def __new__(cls, *a, **k):
        if cls is NoInstances:
            raise TypeError("NoInstances is abstract")
        return super().__new__(cls)
class Concrete(NoInstances):
    pass
print(type(Concrete()).__name__)
try:
    NoInstances()
except TypeError as e:
    print(type(e).__name__, e)
print(NotImplemented.__class__.__name__, bool(NotImplementedError()), NotImplementedError.__mro__[1].__name__)
