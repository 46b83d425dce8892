# format specs applied to ints
n = 255
for spec in ['', 'd', 'b', 'o', 'x', 'X', '#b', '#o', '#x', '#X', 'c', 'n', '10', '<10', '^10',
             '=10', '010', '+', '-', ' ', '+010', ',', '_', '_b', '_x', ',d', '#010x', '*^+12,',
             'e', '.2f', '%', 'g', '.3', '08.3f']:
    out = [repr(spec)]
    for v in (n, -n):
        try:
            out.append(repr(format(v, spec)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__ + ': ' + str(e))
    print(*out)
print(format(0, '#x'), format(-0, '+d'), format(10 ** 12, ','), format(1234567, '_d'))
print(format(True, 'd'), format(True, 'b'), format(65, 'c'), format(0x1F600, 'c'))
for bad in ['s', ',b', '.2d', 'z', ',c', '+c', 'q']:
    try:
        print(repr(bad), repr(format(42, bad)))
    except ValueError as e:
        print(repr(bad), type(e).__name__, e)
try:
    format(-1, 'c')
except OverflowError as e:
    print(type(e).__name__, e)
