def f(a, b=2, c):
    pass
