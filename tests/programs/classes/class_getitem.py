class Container:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item!r}]"
print(Container[int], Container["x"], Container[1, 2])
print(type(Container.__dict__["__class_getitem__"]).__name__)
class Sub(Container):
    pass
print(Sub[str])
try:
    Container()[0]
except TypeError as e:
    print(type(e).__name__, e)
class Both:
    def __class_getitem__(cls, item):
        return "class-level"
    def __getitem__(self, item):
        return "instance-level"
print(Both[0], Both()[0])
class Meta(type):
    def __getitem__(cls, item):
        return "metaclass __getitem__ wins"
class WithMeta(metaclass=Meta):
    def __class_getitem__(cls, item):
        return "class_getitem"
print(WithMeta[0])
print(list[int], dict[str, list[int]], tuple[int, ...], type(list[int]).__name__)
print(list[int].__origin__, list[int].__args__, list[int]() == [])
try:
    int[str]
except TypeError as e:
    print(type(e).__name__, e)
try:
    object[int]
except TypeError as e:
    print(type(e).__name__, e)
class Plain:
    pass
try:
    Plain[int]
except TypeError as e:
    print(type(e).__name__, e)
import types
class G:
    __class_getitem__ = classmethod(types.GenericAlias)
print(G[int], G[int].__origin__ is G)
