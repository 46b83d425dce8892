def show(*args, **kwargs):
    return args, kwargs

print(show(*[1, 2], 3, *(4,), *"ab"))
print(show(**{"a": 1}, b=2, **{"c": 3}))
print(show(*range(3), x=1, *[9], **{"y": 2}))
print([*range(3), *"ab", 0])
print((*[1, 2], 3), (*"x",))
print({*[1, 2], *(2, 3), 4} == {1, 2, 3, 4})
print({**{"a": 1, "b": 2}, "b": 20, **{"c": 3}})
print({"a": 0, **{"a": 1}})
print([*[], *()], {**{}})
print(print(*[], sep="-"))
print(*["x", "y"], sep="|")
def kw_only(*, a, b):
    return a - b
print(kw_only(**{"b": 1, "a": 10}))
try:
    show(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    show(*5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    show(**[1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    show(**{1: 2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    show(a=1, **{"a": 2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    [*None]
except TypeError as e:
    print(type(e).__name__, e)
try:
    {**[]}
except TypeError as e:
    print(type(e).__name__, e)
it = iter([1, 2, 3])
print([*it], [*it])
def gen():
    yield from "hi"
print((*gen(), *gen()))
