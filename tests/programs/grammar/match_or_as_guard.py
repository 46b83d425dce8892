def f(cmd):
    match cmd.split():
        case ["go", ("north" | "south" | "east" | "west") as direction]:
            return f"going {direction}"
        case ["get", item] | ["take", item]:
            return f"taking {item}"
        case ["drop", *items] if len(items) > 1:
            return f"dropping many: {items}"
        case ["drop", *items]:
            return f"dropping {items}"
        case [("quit" | "exit") as word]:
            return f"bye ({word})"
        case [verb, *_] as whole if verb.isupper():
            return f"shouting {whole}"
        case _:
            return "unknown"

for c in ["go north", "go up", "get lamp", "take key", "drop a b", "drop a", "drop", "quit", "exit", "LOOK here", ""]:
    print(repr(c), "->", f(c))

log = []
def guard(v, name):
    log.append(name)
    return v

match 3:
    case 1 if guard(True, "g1"):
        pass
    case 3 if guard(False, "g2"):
        pass
    case int(n) if guard(n > 2, "g3"):
        print("matched with n =", n)
print(log)

match (1, 2):
    case (a, b) if a > b:
        print("no")
    case (a, b):
        print("guard failed but names stay bound:", a, b)

match [1, 2]:
    case [1, 2] as pair:
        print("as binds whole:", pair)
match 42:
    case (1 | 2) | (40 | 42) as num:
        print("nested or with as:", num)
match {"k": [1, {"deep": "v"}]}:
    case {"k": [_, {"deep": str() as deep}]}:
        print("deep:", deep)
x = "unchanged"
match 10:
    case 11 | 12:
        x = "or-branch"
    case _ if False:
        x = "never"
print(x)
