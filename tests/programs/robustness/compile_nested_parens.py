# deeply nested brackets in source
cases = [
    ('( * 1000', '(' * 1000),
    ('()*1000 balanced', '(' * 1000 + ')' * 1000),
    ('[ * 1000', '[' * 1000),
    ('{ * 1000', '{' * 1000),
    ('[]*1000 balanced', '[' * 1000 + ']' * 1000),
    ('(*199 balanced', '(' * 199 + '1' + ')' * 199),
    ('[*150 balanced', '[' * 150 + ']' * 150),
    ('unbalanced close', ')'),
    ('mismatched', '(]'),
    ('mismatched 2', '[1, 2)'),
    ('unclosed at eof', 'foo(1, 2'),
]
for label, src in cases:
    try:
        result = eval(src)
        print(label, 'ok', type(result).__name__)
    except SyntaxError as e:
        print(label, type(e).__name__, e.msg)
    except (RecursionError, MemoryError) as e:
        print(label, type(e).__name__, e)
print('still running')
