def seq(x):
    match x:
        case []:
            return "empty"
        case [a]:
            return f"one: {a}"
        case [a, b]:
            return f"two: {a}, {b}"
        case [1, *rest]:
            return f"starts with 1, rest={rest}"
        case [first, *_, last]:
            return f"first={first} last={last}"
    return "no match"

for v in [[], [5], (6, 7), [1, 2, 3], [9, 8, 7, 6], "ab", range(3), {1, 2}, {"a": 1}]:
    print(repr(v), "->", seq(v))

def nested(x):
    match x:
        case [[a, b], [c, d]]:
            return a + b + c + d
        case [(a, b), *others] if others:
            return f"pair {a},{b} then {len(others)} more"
        case [*head, (x, y)]:
            return f"head {head}, tail pair {x},{y}"
    return None

print(nested([[1, 2], [3, 4]]))
print(nested([(1, 2), 3, 4]))
print(nested([0, (5, 6)]))
print(nested([1]))

def tuples(x):
    match x:
        case (1, 2):
            return "tuple pattern matches list too"
        case [int(), str()]:
            return "int then str"
        case (*all_items,):
            return f"star only {all_items}"
    return "none"
print(tuples([1, 2]), tuples((3, "s")), tuples((1, 2, 3)), tuples(5))
from collections import deque
print(seq(deque([1, 2, 3, 4])))
print(seq(b"ab"), seq(bytearray(b"xy")))
match [1, [2, [3, [4]]]]:
    case [a, [b, [c, [d]]]]:
        print(a, b, c, d)
