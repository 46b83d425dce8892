# f-string features
x, y, name = 10, 3.14159, 'world'
print(f'{x}', f'{x!r}', f'{name!r}', f'{x + 1}', f'{x * 2 = }', f'{name = }', f'{y=:.2f}')
print(f'{x:>5}|{x:<5}|{x:^5}|{x:05}|{x:+}|{x:x}|{x:#b}')
print(f'{y:.3}', f'{y:10.4f}|', f'{"nested {}":>15}')
width, prec = 10, 3
print(f'{y:{width}.{prec}f}|', f'{name:{"*"}^{width}}')
d = {'a': 1}
print(f'{d["a"]}', f"{d['a']}", f'{[1, 2][0]}', f'{(lambda v: v * 2)(4)}')
print(f'{{braces}}', f'{{{x}}}', f'{"a" if x else "b"}')
print(f'{x!s:>4}', f'{3+4j}', f'{None}', f'{True!r}')
items = ['a', 'b']
print(f'{", ".join(items)}', f'{len(items)}')
print(f'''{x
+ 1}''')
print(f'{"\n".join(["l1", "l2"])}')
print(f'{f"{x}"}', f'{x:{"0"}{5}}')
