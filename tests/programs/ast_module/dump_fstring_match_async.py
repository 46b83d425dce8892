"""ast.dump with positions: f-strings (JoinedStr / FormattedValue / Constant parts),
match statements, type parameters, async constructs."""
import ast

SNIPPETS = [
    'async def g():\n    await x\n    async for i in y:\n        pass\n    async with a as b, c:\n        pass\n',
    '[x async for x in y]',
    "b'abc' b'def'",
    "f'a{x!r:>{w}} b {y=}'",
    "f'{x:}'",
    "f''",
    "f'{x}' ''",
    "'a' f'b{c}' 'd'",
    "f'{x:{y}.{z}f}'",
    "f'{x!s}{y!a}'",
    "f'''multi\n{x}\nline'''",
    "f'{x = }'",
    "f'{x=:>10}'",
    "f'{{}}{x}'",
    "match x:\n    case 1:\n        pass\n    case [a, *rest]:\n        pass\n    case {'k': v, **kw}:\n        pass\n    case Point(x=0, y=yy) | Point(1, 2):\n        pass\n    case None | True | False:\n        pass\n    case str() as s if s:\n        pass\n    case _:\n        pass\n    case [*_]:\n        pass\n    case -1 | 1+2j | a.b:\n        pass\n",
    'type Alias[T] = list[T]',
    'def f[T: int, *Ts, **P](x: T) -> T: pass',
    'class C[T = int]: pass',
    'async def f():\n    return [x async for x in y]\n',
    "f'{a}{b}'",
    "f'{x:{y}}'",
    "f'a' f'b'",
    'x = f\'{"nested"}\'',
    "f'{x!r}'",
    "s = '日本語' + f'{日本:>3}' + z",
    '@dec  # comment\n# another\n@dec2\nasync def f():\n    pass\n',
    "x = '''a\nb''' + f'''c\n{d}\n'''",
    "f'{x!r:{y}<{z}}'",
    'f\'{a["b"]}\'',
    "f'{x:%Y-%m-%d}'",
    "f'{ x = }'",
    "f'{x=!s}'",
    "f'{x=:.2f}'",
    "f'a{{b'",
    "f'{3.14:.{p}}'",
    'async def f():\n    async with a: pass\n    await (yield)\n',
    "match p:\n    case (1, 2):\n        pass\n    case [1, [2, 3]]:\n        pass\n    case {1: _, **rest}:\n        pass\n    case C():\n        pass\n    case 'a' 'b':\n        pass\n    case -1.5:\n        pass\n    case (a):\n        pass\n",
    'type X = int',
    'type X[*Ts] = tuple[*Ts]',
    'def f[T](): pass',
    'class C[T: (int, str), **P]: pass',
    "x = b'\\x00\\xff'",
    'async def f():\n    async for x in y: pass\n    else: pass\n',
    "print(f'{x}' f'{y}')",
    "f'{x}' 'a' f'{y}'",
    "x = f'{a!r}' 'lit'",
    "f'''{1+2 = # my comment\n  }'''",
    "f'''{x # c\n=}'''",
    "f'{x!r:>{w}}\\ud800'",
]

for src in SNIPPETS:
    print(repr(src))
    for mode in ("exec", "eval"):
        try:
            tree = ast.parse(src, mode=mode)
        except SyntaxError as e:
            print(" ", mode, "SyntaxError:", e.msg, e.lineno, e.offset)
            continue
        print(" ", mode, ast.dump(tree, include_attributes=True))
