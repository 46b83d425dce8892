# huge allocations fail with MemoryError (or OverflowError) and are catchable
def attempt(label, fn):
    try:
        fn()
        print(label, 'succeeded?!')
    except (MemoryError, OverflowError) as e:
        print(label, type(e).__name__, repr(str(e)))
attempt('[0] * 2**62', lambda: [0] * (2 ** 62))
attempt('bytearray(2**62)', lambda: bytearray(2 ** 62))
attempt('bytes(2**62)', lambda: bytes(2 ** 62))
attempt("'a' * 2**62", lambda: 'a' * (2 ** 62))
attempt("b'ab' * 2**62", lambda: b'ab' * (2 ** 62))
attempt('(0,) * 2**62', lambda: (0,) * (2 ** 62))
attempt('[0] * 2**63', lambda: [0] * (2 ** 63))
attempt("'a' * 2**64", lambda: 'a' * (2 ** 64))
attempt('bytearray(2**64)', lambda: bytearray(2 ** 64))
attempt('range(2**64) list', lambda: list(range(2 ** 64)) if False else len(range(2 ** 64)))
x = [1, 2, 3]
print('still alive', x * 2)
