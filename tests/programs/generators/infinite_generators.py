import itertools
def naturals(start=0):
    n = start
    while True:
        yield n
        n += 1
def take(n, it):
    result = []
    for item in it:
        if len(result) >= n:
            break
        result.append(item)
    return result
print(take(5, naturals()))
print(take(3, naturals(10)))
def evens():
    for n in naturals():
        if n % 2 == 0:
            yield n
print(take(4, evens()))
def primes():
    found = []
    for n in naturals(2):
        if all(n % p for p in found):
            found.append(n)
            yield n
print(take(10, primes()))
def cycle(seq):
    while True:
        yield from seq
print(take(7, cycle("abc")))
print(list(itertools.islice(naturals(), 2, 10, 3)))
print(list(itertools.takewhile(lambda v: v < 5, naturals())))
print(list(zip("xyz", naturals(1))))
print(dict(zip(naturals(), "ab")))
counter = naturals()
print([next(counter) for _ in range(3)], next(counter))
def collatz(n):
    while n != 1:
        yield n
        n = n // 2 if n % 2 == 0 else 3 * n + 1
    yield 1
print(list(collatz(6)), len(list(collatz(27))))
def running_average():
    total = count = 0
    avg = None
    while True:
        value = yield avg
        total += value
        count += 1
        avg = total / count
ra = running_average()
next(ra)
print([ra.send(v) for v in [10, 20, 30, 40]])
print(list(itertools.islice(itertools.count(5, 5), 4)), list(itertools.repeat("r", 3)))
