def check(src, mode="exec"):
    try:
        compile(src, "<test>", mode)
    except SyntaxError as e:
        print(type(e).__name__, repr(e.msg), e.lineno, e.offset)
    else:
        print("compiled OK:", repr(src))


# augmented assignment and annotated assignment targets
check("a, b += 1")
check("(a, b) += 1")
check("[a, b] += 1")
check("x + 1 += 1")
check("f() += 1")
check("1 += 1")
check("*a += 1")
check("x.y += 1")
check("x[1:2] += 1")
check("a, b: int = 1, 2")
check("[a]: int")
check("f(): int")
check("x: int = 1")
check("x.y: int")
check("(x): int")
check("x: int, y: int")
