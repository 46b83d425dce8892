# breakpoint() stops in pdb; commands come from stdin
def f(x):
    y = x * 2
    breakpoint()
    z = y + 1
    return z
print(f(3))
print("end")
