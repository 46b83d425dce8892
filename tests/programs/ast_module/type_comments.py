"""ast.parse(..., type_comments=True): type comments on assignments, loops, with,
functions and arguments, `# type: ignore` tags, and misplaced type comments."""
import ast

SOURCES = [
    "x = 1  # type: int\n",
    "x = 1  #type:List[int]  \n",
    "a = b = 1  # type: int\n",
    "for i in y:  # type: int\n    pass\n",
    "async def f():\n    async for x in y:  # type: int\n        pass\n    async with a:  # type: int\n        pass\n",
    "with a as b:  # type: int\n    pass\n",
    "def f(a, b):  # type: (int, str) -> None\n    pass\n",
    "def f(a, b):\n    # type: (int, str) -> None\n    pass\n",
    "def f(a,  # type: int\n      *b,  # type: str\n      c=1,  # type: float\n      ):\n    pass\n",
    "import x  # type: ignore\ny = 1  # type: ignore[attr]\n",
    "x = 1 # type: ignore # other\n",
    "x = 1  # not: a type comment\n",
    "print(1)  # type: int\n",
    "if x:  # type: int\n    pass\n",
    "x = [  # type: int\n 1]\n",
    "def f():\n    pass\n    # type: int\n",
]
for src in SOURCES:
    try:
        print(ast.dump(ast.parse(src, type_comments=True)))
    except SyntaxError as e:
        print("SyntaxError", e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
    print(ast.dump(ast.parse(src)))
