# format specs applied to strings
s = 'text'
for spec in ['', 's', '10', '<10', '>10', '^10', '*^10', '-<9', '.2', '10.2', '^9.3', '0>8',
             '2', '=>6' if False else '>6', '\u2605^10']:
    print(repr(spec), repr(format(s, spec)))
print(f'{s!r:^12}|{s:>{2 + 4}}|{s:{"x"}<{7}}|')
for bad in ['d', '=10', '+', ',', '#', '010', 'z']:
    try:
        print(repr(bad), repr(format(s, bad)))
    except ValueError as e:
        print(repr(bad), type(e).__name__, e)
print(format('é', '^5'), format('😀', '*>4'))
print(format('abc', '<0'), format('', '*^5'), format('abc', '.0'), format('abc', '.5'))
print('{:>{w}.{p}}|'.format('precision', w=12, p=4))
print(f'{"left":<8}|{"right":>8}|{"mid":^8}|')
