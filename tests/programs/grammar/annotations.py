x: int = 5
y: str
z: "forward ref" = "z"
print(__annotations__)
print(x, "y" in globals())
def f(a: int, b: "str" = "b", *args: float, c: bool = True, **kw: dict) -> list:
    pass
print(f.__annotations__)
def g(a, b):
    pass
print(g.__annotations__)
def local_annotations():
    v: int = 1
    w: str
    return locals()
print(local_annotations())
class C:
    a: int
    b: str = "default"
    c: list[int] = []
    def method(self) -> None:
        self.d: int = 3
print(C.__annotations__)
print(hasattr(C, "a"), C.b)
obj = C()
obj.method()
print(obj.d, C.__annotations__)
class D(C):
    e: float
print(D.__annotations__)
lam = lambda q: q
print(lam.__annotations__)
count = 0
def side(v):
    global count
    count += 1
    return v
class E:
    attr: side(int) = 1
print(count, E.__annotations__)
value: side(str)
print(count)
d = {}
d["key"]: int = 7
print(d)
class Empty:
    pass
print(Empty.__dict__.get("__annotations__", "no annotations in dict"))
print(Empty.__annotations__)
def complex_annots(x: list[dict[str, int | None]], y: tuple[int, ...]) -> "C":
    pass
print(complex_annots.__annotations__)
f.__annotations__ = {"replaced": int}
print(f.__annotations__)
