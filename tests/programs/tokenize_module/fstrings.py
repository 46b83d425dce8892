# f-strings: FSTRING_START / FSTRING_MIDDLE / FSTRING_END, format specs, nesting.
import io
import tokenize
from token import tok_name


def show(src):
    print("==", repr(src))
    for t in tokenize.generate_tokens(io.StringIO(src).readline):
        print(f"  {tok_name[t.type]:<14} {t.string!r:<12} {t.start} {t.end} {t.line!r}")


show("f'hello'\n")
show("f'a{b}c'\n")
show("f'{x!r}' f'{x!s:>10}' f'{x!a}'\n")
show("f'{x:>{width}.{prec}f}'\n")
show("f'{x:%H:%M:%S}'\n")
show("f'{x=}' f'{ x = }' f'{x=!r:^20}'\n")
show("f'{{literal}} {x} }}{{'\n")
show("f'{\"double\"}' f\"{'single'}\"\n")
show("f'{f'{f'{1}'}'}'\n")
show("f'''multi\nline {x}\nend'''\n")
show("f'''{\nx\n}'''\n")
show("rf'\\d{x}\\n' Rf'{y}' fR'{z}' FR'{w}'\n")
show("f'\\N{BULLET} {x}'\n")
show("f'{x:{{}}>10}'\n")
show("f'{a[\"k\"]} {b(1, 2)} {c.d} {e if f else g} {lambda: 1}'\n")
show("f'{x}' 'plain' f'{y}'\n")
show("f''\n")
show("f'{x:}'\n")
show("f'{x!r:}'\n")
show("f'{x}}}'\n" if False else "f'{x}}}'\n".replace("}}}", "}"))
show("print(f'{name!r} is {age:3d} years old and {height:.2f}m tall')\n")
show("s = f'''\n    {a}\n    {b:>{c}}\n'''\n")
