def check(src, mode="exec"):
    try:
        compile(src, "<test>", mode)
    except SyntaxError as e:
        print(type(e).__name__, repr(e.msg), e.lineno, e.offset)
    else:
        print("compiled OK:", repr(src))


# statements in the wrong place
check("return 5")
check("class C:\n    return 1")
check("yield 1")
check("yield from x")
check("x = [(yield) for i in y]")
check("def f():\n    x = [(yield) for i in y]")
check("await x")
check("def f():\n    await x")
check("def f():\n    async with x: pass")
check("def f():\n    async for i in x: pass")
check("def f():\n    return [await x for x in y]")
check("async def f():\n    return [await x for x in y]")
check("break")
check("continue")
check("for i in x:\n    def g():\n        break")
check("while 1:\n    class C:\n        continue")
check("for i in x:\n    try:\n        pass\n    finally:\n        continue")
check("async def f():\n    yield 1\n    return 2")
check("async def f():\n    yield 1\n    return")
check("async def f():\n    yield from g()")
check("lambda: (yield)")
check("f'{yield}'")
