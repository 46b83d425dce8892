width, prec = 10, 3
x = 3.14159265
print(f"{x:{width}.{prec}f}|")
print(f"{x:{width}.{prec + 1}}|")
fmt = ".2f"
print(f"{x:{fmt}}", f"{x:{'>'}{width}}|")
items = ["a", "b"]
print(f"{f'{items[0]}' + f"{items[1]}"}")
print(f"{f"{f"{1 + 1}"}"}")
print(f"{'\n'.join(items)}")
print(f"{"\\"}")
d = {"key": "value"}
print(f"{d["key"]}", f'{d['key']}')
print(f"{
    x
    :.2f
}")
total = f"{
    sum([
        1,
        2,
        3,
    ])
}"
print(total)
print(f"{x  # a comment inside the expression
}")
print(f"result: {', '.join(f'{i}:{i * i}' for i in range(3))}")
print(f"{'{'}{'}'}", f"{'{}'}")
align = "^"
print(f"[{'mid':{align}{width}}]")
print(f"{3:{'0'}{4}}", f"{255:{'#'}{'x'}}")
n = 5
print(f"{n:{n}}|", f"{n!r:{n}}|")
print(f"{'=' * 5}", f"{(n := 8)}", n)
print(f"{x:.{prec}}", f"{x:.{prec}e}")
print(f"{1:{2:{3}}}" if False else "deep nesting checked in syntax_errors")
print(f"{'a' if n > 1 else 'b'}", f"{n:>{n}}")
print(f"{[f'{c}' for c in 'xy']}")
