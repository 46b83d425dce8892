# Attribute access and method calls on user-defined classes: instance
# attributes, class attributes, inheritance, super(), properties.


class Vector:
    dims = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def scale(self, k):
        return Vector(self.x * k, self.y * k)

    def dot(self, other):
        return self.x * other.x + self.y * other.y


class Account:
    fee = 1

    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance
        self.history = 0

    def deposit(self, amount):
        self.balance += amount
        self.history += 1

    def withdraw(self, amount):
        if amount + self.fee > self.balance:
            return False
        self.balance -= amount + self.fee
        self.history += 1
        return True

    @property
    def rich(self):
        return self.balance > 1000


class SavingsAccount(Account):
    fee = 2

    def __init__(self, owner, balance, rate):
        super().__init__(owner, balance)
        self.rate = rate

    def add_interest(self):
        self.deposit(self.balance * self.rate // 100)


class Counter:
    def __init__(self):
        self.n = 0

    def tick(self):
        self.n += 1
        return self


def vectors(n):
    acc = Vector(0, 0)
    step = Vector(1, 2)
    d = 0
    for i in range(n):
        acc = acc.add(step.scale(i % 5))
        d += acc.dot(step) % 7
    return acc.x, acc.y, d


def accounts(n):
    accts = []
    for i in range(50):
        if i % 3 == 0:
            accts.append(SavingsAccount("s" + str(i), 500, 3))
        else:
            accts.append(Account("a" + str(i), 200))
    failures = 0
    for i in range(n):
        a = accts[i % 50]
        a.deposit(i % 33)
        if not a.withdraw(i % 31):
            failures += 1
        if i % 97 == 0 and isinstance(a, SavingsAccount):
            a.add_interest()
    rich = 0
    total = 0
    hist = 0
    for a in accts:
        if a.rich:
            rich += 1
        total += a.balance
        hist += a.history
    return failures, rich, total, hist


def chained(n):
    c = Counter()
    for _ in range(n):
        c.tick().tick().tick()
    return c.n


def dynamic_attrs(n):
    class Bag:
        pass

    b = Bag()
    names = ["alpha", "beta", "gamma", "delta"]
    for name in names:
        setattr(b, name, 0)
    for i in range(n):
        b.alpha += 1
        b.beta = b.alpha + b.gamma
        b.gamma = b.beta % 11
        if i % 10 == 0:
            setattr(b, "delta", getattr(b, "delta") + 1)
    return b.alpha, b.beta, b.gamma, b.delta, hasattr(b, "epsilon")


def main():
    print("vectors", vectors(VEC_N))
    print("accounts", accounts(ACCT_N))
    print("chained", chained(CHAIN_N))
    print("dynamic", dynamic_attrs(DYN_N))


VEC_N = 780000
ACCT_N = 1200000
CHAIN_N = 910000
DYN_N = 1200000

main()
