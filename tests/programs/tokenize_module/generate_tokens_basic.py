# tokenize.generate_tokens on ordinary code: every token kind, positions, lines.
import io
import tokenize
from token import tok_name


def show(src):
    print("==", repr(src))
    for t in tokenize.generate_tokens(io.StringIO(src).readline):
        exact = tok_name[t.exact_type] if t.type == tokenize.OP else ""
        print(f"  {tok_name[t.type]:<10} {t.string!r:<14} {t.start} {t.end} {exact} {t.line!r}")


show("x = 1\n")
show("x")
show("")
show("\n\n")
show("   \n")
show("# only a comment")
show("# comment\n\nx = 1  # trailing\n")
show("a->b ... := ** **= //= @= <<= >>= <> ~ != == <= >= % %= & &= | |= ^ ^= -= += *= /= // @ ; , . :\n")
show("(1, [2, {3: 4}])\n")
show("x = (1,\n     2,  # inside brackets\n\n     3)\n")
show("total = 1 + \\\n    2 + \\\n    3\n")
show("def f(a, *args, b=2, **kw) -> int:\n    if a:\n        return b\n    else:\n        pass\n\n\nclass C:\n    x = 1\n")
show("if x:\n    y\n# dedent comment at column 0\nz\n")
show("if x:\n\ty = 1\n")
show("if x:\n  if y:\n    z\nw\n")
show("\tx = 1\n")
show("x = 1\r\ny = 2\r\n")
show("s = 'a' \"b\" '''c''' \"\"\"d\"\"\" r'\\d' R\"x\" b'b' B'c' br'e' Rb'f' rB'g' u'h' U'i'\n")
show("x = '''line one\nline two''' + 'z'\n")
show("s = 'é' + 'x'; y\n")
show("é = '''é\nü''' ; z\n")
show("𝔘𝔫𝔦𝔠𝔬𝔡𝔢 = 1\nnaïve = 'café'\n")
show("n = [0, 1, 10, 1_000, 0x1F, 0X_ff, 0o17, 0O_7, 0b101, 0B_1, 1.5, .5, 5., 1e10, 1E-3, 1.5e+2, 1j, 2.5J, 1_0.0_1e1_0j]\n")
show("0xfor 1if x else 2 0b1and 1\n")
show("async def f():\n    await g()\n    async for x in y: pass\n")
show("match p:\n    case [1, *rest]: pass\n    case _: pass\n")
show("type X = int\n")
show("@decorator\ndef g(): ...\n")
show("x = 1;\n")
show("\x0cx = 1\n")
show("lambda: (yield)\n")
show("print(1)  # comment with unicode ✓\n")
show("a $ b ? c ! d\n")
