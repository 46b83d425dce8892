class V:
    def __init__(self, name):
        self.name = name
    def _op(op):
        def method(self, other):
            return f"{self.name}.{op}({other!r})"
        method.__name__ = op
        return method
    for _name in ["add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "matmul",
                  "lshift", "rshift", "and", "or", "xor", "divmod"]:
        locals()[f"__{_name}__"] = _op(f"__{_name}__")
    del _name, _op
    def __repr__(self):
        return self.name
v = V("v")
print(v + 1)
print(v - 1)
print(v * 1)
print(v / 1)
print(v // 1)
print(v % 1)
print(v ** 1)
print(v @ 1)
print(v << 1)
print(v >> 1)
print(v & 1)
print(v | 1)
print(v ^ 1)
print(divmod(v, 1))
print(pow(v, 2))
print(v + v)
print(sorted(k for k in vars(V) if k.startswith("__") and k.endswith("__") and k not in ("__module__", "__dict__", "__weakref__", "__doc__", "__firstlineno__", "__static_attributes__", "__init__", "__repr__")))
class Matrix:
    def __init__(self, rows):
        self.rows = rows
    def __matmul__(self, other):
        cols = list(zip(*other.rows))
        return Matrix([[sum(a * b for a, b in zip(r, c)) for c in cols] for r in self.rows])
    def __repr__(self):
        return f"Matrix({self.rows})"
print(Matrix([[1, 2], [3, 4]]) @ Matrix([[5, 6], [7, 8]]))
import operator
print(operator.add(v, 2), operator.matmul(v, 3), operator.mod(v, 4))
