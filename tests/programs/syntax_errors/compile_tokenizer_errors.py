# Errors CPython's tokenizer reports, and which error wins when the parser fails too:
# class, message and the full location (lineno, offset, end_lineno, end_offset).
def check(src, mode="exec"):
    try:
        compile(src, "<test>", mode)
    except SyntaxError as e:
        print(type(e).__name__, repr(e.msg), e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
    else:
        print("compiled OK:", repr(src))


# number literals
for src in ["0b12", "0o19", "0b1_2", "0_", "0x_", "1e+", "00_0", "0e5", "007.5", "007j",
            "0777x", "x = 1 = 2\ny = 1abc", "1__2"]:
    check(src)
# characters
for src in ["a\u00a0b = 1", "x = 1\x0b", "\x7f", "é = 1\na€ = 2", "x = 1 \\ 2", "x = \\",
            "x = (\n1,\n\\", "== \\"]:
    check(src)
# brackets and indentation, tokenizer against parser
for src in ["x = (1,\n  2 3\ny = 1\n", "f(1, 2\n", "x = = 1\ny = )\n", "x = = 1\ny = \\ 2\n",
            "x = = 1\n\ty = 2\n        z = 3\n", "if x:\n\ta = 1\n        b = 2",
            "if x:\n        a = 1\n    b = 2", "  x = 1abc"]:
    check(src)
# f-strings
for src in ["f'{x'", "f'{x!r'", "f'{x:{y'", "f'{x}}'", "f'{x)}'", "f'{(x}'", "f'{x:\n.2f}'",
            "f'''{x\n'''", "x = 'a' + f'{1_}'", "f'{#}'", "f'{x=y}'", "f'{x!r x}'", "f'{:x}'",
            "f'{ ; 1}'", "f'{x!}'", "f'{x:{y:{z:{w}}}}'"]:
    check(src)
# string escapes
for src in ["'\\x4'", "'\\N{NO SUCH NAME}'", "'é\\x4'", "'\\U00110000'", "'\\Nx'", "'\\N{}'",
            "'\\N{abc'", "b'\\x4'", "x = 1\ny = 'a' '\\xZ'"]:
    check(src)
# eval input has no newline appended
for src in ["1 +", "", "\n", "1 if", "1 2"]:
    check(src, "eval")
check("x = 1\ny = 2\n", "single")
check("x = 1; y = 2\n", "single")
