name = "Ada"
n = 42
pi = 3.14159
print(f"hello {name}", F"upper F {n}", f"{n + 1}", f"{name!r}", f"{name!s}", f"{'é'!a}")
print(f"{n=}", f"{name = }", f"{n * 2=}", f"{pi=:.2f}", f"{name=!s}", f"{name=!r:>8}")
print(f"{{literal braces}}", f"{{{n}}}", f"}}{{", f"{{}}")
print(f"{n:5d}|{n:<5}|{n:^5}|{n:>5}|{n:05}|{n:+}|{n:x}|{n:#o}|{n:b}")
print(f"{pi:.3}", f"{pi:10.2f}|", f"{pi:e}", f"{1e6:,.0f}", f"{0.25:.0%}")
print(f"{name:*^9}", f"{name:.1}", f"{'left':<8}|", f"{-n: d}", f"{n: d}")
print(f"{[1, 2][0]}", f"{ {'a': 1}['a'] }", f"{(lambda: 'lam')()}", f"{n if n else 0}")
print(f"{'nested'}", f"{"same quotes allowed in 3.12"}", f'{'single'}')
print(f"{3 + 4}", f"{len('abc')}", f"{', '.join(['x', 'y'])}", f"{name.upper()}")
class P:
    def __format__(self, spec):
        return f"P<{spec}>"
    def __repr__(self):
        return "P()"
    def __str__(self):
        return "p-str"
p = P()
print(f"{p}", f"{p:spec}", f"{p!r}", f"{p!s}", f"{p=}", f"{p=:x}")
print(f"", f"plain", f"{None}", f"{True}", f"{b'x'}")
print(f"{'a' 'b'}", f"{n}{n}", f"{n}" f"{name}")
print(f"tab\t{n}\n", end="")
print(rf"raw {n} \n", fr"{name}\t")
value = 7
print(f"{value!r:^7}|", f"{value:{'>'}{5}}|")
print(type(f"{n}").__name__, f"{n}" == str(n))
