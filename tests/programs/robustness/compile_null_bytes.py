# null bytes in source code
cases = [
    ('compile str', lambda: compile('x = 1\0', '<s>', 'exec')),
    ('compile bytes', lambda: compile(b'x = 1\0', '<s>', 'exec')),
    ('eval str', lambda: eval('1\x00 + 1')),
    ('exec str', lambda: exec('\0')),
    ('exec bytes', lambda: exec(b'pass\0')),
    ('in string literal', lambda: eval("'a\0b'")),
    ('in comment', lambda: exec('# comment \0\npass')),
    ('ast.parse', lambda: __import__('ast').parse('x\0')),
]
for label, fn in cases:
    try:
        fn()
        print(label, 'no error')
    except (SyntaxError, ValueError) as e:
        print(label, '->', type(e).__name__, e)
print(eval("'a\\0b'"), len(eval("'a\\0b'")))
print('end')
