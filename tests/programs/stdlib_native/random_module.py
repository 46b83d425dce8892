# _random.Random (MT19937) and the random module built on it: sequences, state and errors
# must be CPython's exactly.
import _random
import copy
import random


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


R = _random.Random
print(R, R.__module__, R.__mro__, R.__name__)
print([k for k in ('random', 'seed', 'getstate', 'setstate', 'getrandbits') if k in R.__dict__])

# --- seeding: ints by absolute value in 32-bit words, other hashables by hash ---
r = R(12345)
print([r.random() for _ in range(3)], r.getrandbits(100), r.getrandbits(32), r.getrandbits(7), r.getrandbits(0))
for s in [0, 1, -1, 2**32, 2**32 - 1, 2**64, 2**100 + 7, -(2**100 + 7), True, 1.5, -2.5, "abc", b"x", (1, 2), 10**50]:
    r.seed(s)
    print(repr(s), r.random(), r.getrandbits(40))
r.seed(None)
print(0.0 <= r.random() < 1.0)
r.seed()
print(0.0 <= r.random() < 1.0)

# --- getrandbits sizes and chunk order ---
r.seed(2024)
for k in [1, 31, 32, 33, 63, 64, 65, 95, 96, 97, 128, 200, 1000]:
    x = r.getrandbits(k)
    print(k, x.bit_length() <= k, x)

# --- state round trips ---
st = r.getstate()
print(type(st), len(st), st[-1], all(0 <= w < 2**32 for w in st))
a = [r.random() for _ in range(700)]
r.setstate(st)
print(a == [r.random() for _ in range(700)])
r.setstate((2**32 + 5,) * 624 + (3,))
print(r.getstate()[:3], r.getstate()[-1], r.random())
r.setstate((0,) * 624 + (624,))
print(r.random(), r.getstate()[-1])

# --- errors ---
t(lambda: R(1, 2))
t(lambda: R(x=1))
t(lambda: r.getrandbits(-1))
t(lambda: r.getrandbits(2**31))
t(lambda: r.getrandbits(2**63))
t(lambda: r.getrandbits(2.0))
t(lambda: r.getrandbits("3"))
t(lambda: r.setstate(1))
t(lambda: r.setstate([0] * 625))
t(lambda: r.setstate((1,) * 624))
t(lambda: r.setstate((1,) * 624 + (625,)))
t(lambda: r.setstate((1,) * 624 + (-1,)))
t(lambda: r.setstate((-1,) * 625))
t(lambda: r.setstate((2**64,) * 625))
t(lambda: r.setstate(('a',) * 625))
t(lambda: r.setstate((1.0,) * 625))
t(lambda: r.setstate((5,) * 624 + (2**63,)))
t(lambda: r.seed(1, 2))
t(lambda: r.seed([]))
t(lambda: r.seed(x=1))
t(lambda: r.random(1))
t(lambda: r.getstate(1))


# --- subclasses: an __init__ that does not seed leaves the zero state ---
class S(R):
    def __init__(self, a, b):
        pass


s = S(1, 2)
print(s.random(), s.getstate()[:3], s.getstate()[-1])
t(lambda: S(1, b=2).getstate()[-1])


class T(R):
    pass


t(lambda: T(x=1))
t(lambda: T(1, 2))
print(T(5).random() == R(5).random())

# --- the random module ---
random.seed(42)
print([random.random() for _ in range(5)])
print([random.randint(1, 100) for _ in range(10)])
l = list(range(20))
random.shuffle(l)
print(l)
print(random.choice('abcdefg'), random.sample(range(100), 5), random.gauss(0, 1), random.getrandbits(100))
print(random.uniform(1, 2), random.randrange(0, 1000, 7), random.choices('abc', k=5))
print(random.choices(range(10), weights=range(10), k=5), random.choices('xyz', cum_weights=[1, 5, 10], k=4))
print(random.triangular(), random.betavariate(2, 3), random.expovariate(1.5), random.normalvariate(), random.lognormvariate(0, 1))
print(random.vonmisesvariate(1, 2), random.gammavariate(2, 3), random.paretovariate(2), random.weibullvariate(1, 2), random.binomialvariate(10, 0.3))
print(random.randbytes(12), random.randrange(10**30), random.sample(['a', 'b', 'c', 'd'], k=4, counts=None))
st = random.getstate()
print(type(st), len(st), st[0], len(st[1]), st[2])
a = random.random()
random.setstate(st)
print(a == random.random())
random.seed(12345, version=1)
print(random.random())
rr = random.Random(7)
print(rr.random(), rr.randbytes(10))
r2 = copy.copy(rr)
print(r2.random() == rr.random())
r3 = copy.deepcopy(rr)
print(r3.getstate() == rr.getstate())


class MyR(random.Random):
    def random(self):
        return 0.5


print(MyR(3).randrange(10), MyR(3).choice([1, 2, 3]))
print(random.Random(2**200).getrandbits(65), random.Random(-5).random() == random.Random(5).random())
print(random.SystemRandom().random() < 1)
t(lambda: random.randrange(0))
t(lambda: random.sample(range(3), 5))
t(lambda: random.Random().seed([1]))

# --- cycles through Random subclasses ---
import gc
import weakref
for i in range(3):
    q = MyR(1)
    q.me = q
    w = weakref.ref(q)
    del q
    gc.collect()
    print(w() is None)
