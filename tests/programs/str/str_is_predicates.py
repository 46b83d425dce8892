# is* predicates on tricky inputs
samples = ['', 'abc', 'ABC', 'Abc', 'abc123', '123', '١٢٣', '²', '½', 'Ⅻ', '   ', '\t\n',
           '\x1c', '\u3000', 'Hello World', 'Hello world', 'hello_world', '_x', 'x1', '1x',
           'class', 'ß', 'ǅ', 'e\u0301', '3.14', '-1', '\x00', 'tab\t', 'é', '中文', 'ñ1',
           '\u00a0', '\u200b', 'a b', 'ABC DEF', 'Σ', 'ℌ']
names = ['isalpha', 'isalnum', 'isdigit', 'isdecimal', 'isnumeric', 'isspace', 'islower',
         'isupper', 'istitle', 'isidentifier', 'isprintable', 'isascii']
for s in samples:
    flags = ''.join('1' if getattr(s, n)() else '0' for n in names)
    print(ascii(s).ljust(14), flags)
import keyword
print(keyword.iskeyword('class'), keyword.iskeyword('match'), keyword.issoftkeyword('match'))
print('0123456789'.isdecimal(), '٠١٢'.isdecimal(), '①'.isdigit(), '①'.isdecimal(), '一'.isnumeric())
print('abc'.isidentifier(), 'ǅx'.isidentifier(), '℘'.isidentifier(), 'a-b'.isidentifier())
print('\n'.isprintable(), ' '.isprintable(), '\x7f'.isprintable(), '\xa0'.isprintable())
