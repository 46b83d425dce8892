# tokenize.tokenize on bytes: ENCODING token, coding cookies, BOM, detect_encoding, untokenize.
import io
import tokenize
from token import tok_name


def show_bytes(data):
    print("==", data)
    try:
        for t in tokenize.tokenize(io.BytesIO(data).readline):
            print(f"  {tok_name[t.type]:<10} {t.string!r:<14} {t.start} {t.end} {t.line!r}")
    except Exception as e:
        print("  ", type(e).__name__, e)


show_bytes(b"x = 1\n")
show_bytes(b"\xef\xbb\xbfx = 'bom'\n")
show_bytes(b"# -*- coding: latin-1 -*-\nx = '\xe9'\n")
show_bytes(b"#!/usr/bin/env python\n# vim: set fileencoding=iso-8859-15 :\ns = '\xa4'\n")
show_bytes(b"x = '\xff'\n")
show_bytes(b"# coding: bogus\nx\n")
show_bytes(b"")

for data in [b"x = 1\n", b"\xef\xbb\xbfpass\n", b"# coding=cp1252\n", b"# coding: utf-8\n\xef\xbb\xbf"]:
    try:
        print(tokenize.detect_encoding(io.BytesIO(data).readline))
    except SyntaxError as e:
        print("SyntaxError", e)

sources = [
    "def f(a, b=2):\n    return a + b  # sum\n\n\nclass C:\n    '''doc'''\n    x = [1,\n         2]\n",
    "if x:\n\tpass\nelse:\n\ty = f'{x!r:>{w}} {{}}'\n",
    "total = 1 + \\\n    2\n",
    "s = '''a\nb''' + rb'\\x' + f'''{\n  x}'''\n",
]
for src in sources:
    toks = list(tokenize.generate_tokens(io.StringIO(src).readline))
    full = tokenize.untokenize(toks)
    print(full == src, repr(full))
    compat = tokenize.untokenize((t.type, t.string) for t in toks)
    again = [(t.type, t.string) for t in tokenize.generate_tokens(io.StringIO(compat).readline)]
    print(again == [(t.type, t.string) for t in toks], repr(compat))
    b = tokenize.untokenize(tokenize.tokenize(io.BytesIO(src.encode()).readline))
    print(type(b).__name__, b == src.encode())

t = next(tokenize.generate_tokens(io.StringIO("x += 1\n").readline))
print(t, t.exact_type)
ops = [t for t in tokenize.generate_tokens(io.StringIO("x += 1\n").readline) if t.type == tokenize.OP]
print(ops[0].exact_type == tokenize.PLUSEQUAL, repr(ops[0]))
