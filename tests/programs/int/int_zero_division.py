# ZeroDivisionError messages for ints
tests = [
    ('1 / 0', lambda: 1 / 0),
    ('1 // 0', lambda: 1 // 0),
    ('1 % 0', lambda: 1 % 0),
    ('divmod(1, 0)', lambda: divmod(1, 0)),
    ('pow(0, -1)', lambda: pow(0, -1)),
    ('0 ** -2', lambda: 0 ** -2),
    ('big / 0', lambda: (10 ** 50) / 0),
    ('big // 0', lambda: (10 ** 50) // 0),
    ('big % 0', lambda: (10 ** 50) % 0),
    ('1 / False', lambda: 1 / False),
    ('1 // 0.0', lambda: 1 // 0.0),
    ('1 % 0.0', lambda: 1 % 0.0),
    ('1 / 0.0', lambda: 1 / 0.0),
    ('divmod(1, 0.0)', lambda: divmod(1, 0.0)),
    ('pow(0, -1, 5)', lambda: pow(0, -1, 5)),
    ('0.0 ** -1', lambda: 0.0 ** -1),
]
for label, fn in tests:
    try:
        fn()
        print(label, 'no error')
    except ZeroDivisionError as e:
        print(label, '->', type(e).__name__, repr(str(e)))
    except ValueError as e:
        print(label, '->', type(e).__name__, repr(str(e)))
x = 5
try:
    x //= 0
except ZeroDivisionError as e:
    print('augmented', e)
print(issubclass(ZeroDivisionError, ArithmeticError))
print(1 // (x - 5))
