class Fake:
    def __init__(self, real_base):
        self.real_base = real_base
    def __mro_entries__(self, bases):
        print("__mro_entries__ called with", len(bases), "bases")
        return (self.real_base,)
class Real:
    def hello(self):
        return "hello from Real"
fake = Fake(Real)
class User(fake):
    pass
print(User.__bases__, User.__orig_bases__ == (fake,), User().hello())
class Two:
    def __mro_entries__(self, bases):
        return (Real, dict)
class Multi(Two()):
    pass
print([c.__name__ for c in Multi.__mro__])
class Remover:
    def __mro_entries__(self, bases):
        return ()
class OnlyObject(Remover()):
    pass
print(OnlyObject.__bases__, OnlyObject.__orig_bases__[0].__class__.__name__)
try:
    type("X", (Fake(Real),), {})
except TypeError as e:
    print(type(e).__name__, e)
import types
print(types.resolve_bases((Fake(Real), int)))
class Bad:
    def __mro_entries__(self, bases):
        return Real
try:
    class Broken(Bad()):
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    class NotAType(object()):
        pass
except TypeError as e:
    print(type(e).__name__, e)
class GenericLike:
    def __getitem__(self, item):
        return Fake(Real)
GL = GenericLike()
class FromSubscript(GL[int]):
    pass
print(FromSubscript.__bases__, type(FromSubscript.__orig_bases__[0]).__name__)
