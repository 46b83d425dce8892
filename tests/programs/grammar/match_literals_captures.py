def describe(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case 2j:
            return "imaginary"
        case -1 + 1j:
            return "complex literal"
        case "hello":
            return "greeting"
        case b"bytes":
            return "bytes literal"
        case True:
            return "True"
        case None:
            return "None"
        case "a" "b":
            return "concatenated ab"
        case other:
            return f"captured {other!r}"

for v in [0, 2, -1, 1.5, 2j, -1 + 1j, "hello", b"bytes", True, None, "ab", 1.0, 0.0, False, 99, [1]]:
    print(repr(v), "->", describe(v))

def wildcard(x):
    match x:
        case 1:
            return "one"
        case _:
            return "anything"
print(wildcard(1), wildcard("z"))

def no_match(x):
    match x:
        case 1:
            return "one"
    return "fell through"
print(no_match(2))

match 5:
    case value:
        print("capture binds in the enclosing scope:", value)
print(value)
match = "match is a soft keyword"
case = [1]
print(match, case)
