def countdown(n):
    if n == 0:
        raise RuntimeError("reached the bottom")
    return countdown(n - 1)

try:
    countdown(3)
except RuntimeError as e:
    depth = 0
    tb = e.__traceback__
    while tb is not None:
        depth += 1
        tb = tb.tb_next
    print("traceback entries:", depth)

countdown(30)
