def outer():
    a = 1
    def inner():
        nonlocal b
        b = 2
    return inner
