# huge or deeply nested expressions must fail cleanly
cases = [
    ("'1+' * 100000 + '1'", '1+' * 100000 + '1'),
    ("'not ' * 100000 + '1'", 'not ' * 100000 + '1'),
    ("'-' * 100000 + '1'", '-' * 100000 + '1'),
    ("'x' + '.a' * 100000", 'x' + '.a' * 100000),
    ("'f' + '()' * 100000", 'f' + '()' * 100000),
    ("'x' + '[0]' * 100000", 'x' + '[0]' * 100000),
]
for label, src in cases:
    try:
        compile(src, '<huge>', 'eval')
        print(label, 'compiled')
    except (RecursionError, MemoryError, SyntaxError) as e:
        print(label, '->', type(e).__name__, e)
print(eval('+'.join(['1'] * 500)))
print(len(compile('x = [' + ','.join(['1'] * 50000) + ']', '<long>', 'exec').co_consts) > 0)
src = ''.join(' ' * i + 'if True:\n' for i in range(120)) + ' ' * 120 + 'pass\n'
try:
    compile(src, '<indent>', 'exec')
except (IndentationError, SyntaxError) as e:
    print(type(e).__name__, e.msg)
print('alive')
