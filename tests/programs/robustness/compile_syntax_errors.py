# assorted malformed programs: message, line and offset
sources = [
    'x = = 1', 'def f(:\n    pass', 'if True print(1)', "'unterminated", '"""never closed',
    'return 5', 'break', 'continue', '1 = x', 'f() = 1', 'x +=', 'class', 'for x in:', 'while',
    'print "hi"', 'x = (1, 2', 'a, b += 1', 'del 1', 'import', 'from x import', 'lambda x: (yield)',
    'def f():\n    nonlocal q', 'x = 1\n  y = 2', 'if x:\npass', 'else: pass', 'f(**x, *y)',
    'f(a=1, a=2)', 'def f(a, a): pass', 'yield = 3', 'None = 1', 'True += 1', '[x for x in]',
    'async = 1' if False else 'await = 1', 'x: int: str', 'try:\n    pass', '@\ndef f(): pass',
]
for src in sources:
    try:
        compile(src, '<src>', 'exec')
        print(repr(src), 'compiled')
    except SyntaxError as e:
        print(repr(src), '->', type(e).__name__, repr(e.msg), e.lineno, e.offset)
