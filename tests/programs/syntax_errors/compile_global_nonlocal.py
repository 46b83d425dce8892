def check(src, mode="exec"):
    try:
        compile(src, "<test>", mode)
    except SyntaxError as e:
        print(type(e).__name__, repr(e.msg), e.lineno, e.offset)
    else:
        print("compiled OK:", repr(src))


# global and nonlocal declarations
check("nonlocal x")
check("def f():\n    nonlocal x")
check("def f():\n    x = 1\n    global x")
check("def f():\n    print(x)\n    global x")
check("def f(x):\n    global x")
check("def f(x):\n    def g():\n        nonlocal x\n    return g")
check("def f():\n    x = 1\n    def g():\n        x = 2\n        nonlocal x")
check("def f():\n    x = 1\n    def g():\n        global x\n        nonlocal x")
check("def f():\n    x = 1\n    def g(x):\n        nonlocal x")
check("x = 1\ndef f():\n    nonlocal x")
check("class C:\n    x = 1\n    def f(self):\n        nonlocal x")
check("def f():\n    x = 1\n    class C:\n        nonlocal x\n        x = 2")
check("def f():\n    global x\n    x = 1")
check("def f():\n    global x, x")
check("def f():\n    y = [x for x in (1,)]\n    nonlocal y")
