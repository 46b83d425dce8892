for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2)]:
    print(a, b, a + b, a - b, a * b, a / b, a // b, a % b, divmod(a, b))
print(2 ** 10, 2 ** -1, (-2) ** 3, -2 ** 2, 2 ** 3 ** 2)
print(pow(2, 10), pow(2, 10, 1000), pow(3, -1, 7), pow(-2, 3))
print(10 / 5, type(10 / 5).__name__, 10 // 5, type(10 // 5).__name__)
print(7 // 2.0, 7 % 2.5, -7 // 2.0, 7 % -3)
print(1 + 2.0, 3 * 1.5, 2 * True, True + 1.5)
print(0 ** 0, 0.0 ** 0, 5 % 1, 1 % 5)
print(10 ** 20 // 3, 10 ** 20 % 7, -(10 ** 20) // 3)
print(abs(-5), abs(5.5), -abs(-0.0))
for op, fn in [("1/0", lambda: 1 / 0), ("1//0", lambda: 1 // 0), ("1%0", lambda: 1 % 0),
               ("1.0/0", lambda: 1.0 / 0), ("divmod", lambda: divmod(1, 0)),
               ("0**-1", lambda: 0 ** -1), ("1.0//0.0", lambda: 1.0 // 0.0),
               ("pow mod 0", lambda: pow(2, 3, 0))]:
    try:
        print(op, fn())
    except (ZeroDivisionError, ValueError, OverflowError) as e:
        print(op, type(e).__name__, e)
print("ab" + "cd", "ab" * 3, 3 * "x", [1] * 3, (0,) * 2, [1, 2] + [3])
print("x" * 0, "x" * -1, [] * 5)
try:
    "a" + 1
except TypeError as e:
    print(e)
try:
    1 + "a"
except TypeError as e:
    print(e)
try:
    [1] * 1.5
except TypeError as e:
    print(e)
try:
    "a" - "b"
except TypeError as e:
    print(e)
