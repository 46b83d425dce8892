def reentrant():
    yield next(g)
g = reentrant()
try:
    next(g)
except ValueError as e:
    print(type(e).__name__, e)
def sender():
    yield g2.send(None)
g2 = sender()
try:
    next(g2)
except ValueError as e:
    print(type(e).__name__, e)
def closer():
    g3.close()
    yield
g3 = closer()
try:
    next(g3)
except ValueError as e:
    print(type(e).__name__, e)
def thrower():
    g4.throw(KeyError)
    yield
g4 = thrower()
try:
    next(g4)
except ValueError as e:
    print(type(e).__name__, e)
print(list(g), list(g2))
def status():
    yield gs.gi_running
gs = status()
print(next(gs), gs.gi_running)
async def coro():
    c.send(None)
c = coro()
try:
    c.send(None)
except ValueError as e:
    print(type(e).__name__, e)
