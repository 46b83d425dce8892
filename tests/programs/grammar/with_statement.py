class CM:
    def __init__(self, name, log):
        self.name = name
        self.log = log
    def __enter__(self):
        self.log.append(f"enter {self.name}")
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        self.log.append(f"exit {self.name} {exc_type.__name__ if exc_type else None}")
        return False

log = []
with CM("a", log) as a:
    log.append(f"body {a}")
print(log)
log = []
with CM("a", log) as a, CM("b", log) as b:
    log.append(f"body {a}{b}")
print(log)
log = []
with (
    CM("x", log) as x,
    CM("y", log) as y,
    CM("z", log),
):
    log.append(f"body {x}{y}")
print(log)
log = []
with (CM("p", log), CM("q", log) as q):
    log.append(q)
print(log)
log = []
with (CM("single", log)) as s:
    log.append(s)
print(log)
log = []
try:
    with CM("outer", log), CM("inner", log):
        raise ValueError("inside")
except ValueError as e:
    log.append(f"caught {e}")
print(log)
log = []
def early():
    with CM("ret", log):
        return "returned"
print(early(), log)
log = []
for i in range(2):
    with CM(f"loop{i}", log):
        if i == 0:
            continue
        break
print(log)
holder = {}
with CM("t", []) as holder["key"]:
    pass
print(holder)
with CM("u", []) as (first, *others):
    pass
print(first, others)
try:
    with 42:
        pass
except TypeError as e:
    print(type(e).__name__, e)
class OnlyEnter:
    def __enter__(self):
        return self
try:
    with OnlyEnter():
        pass
except TypeError as e:
    print(type(e).__name__, e)
