# Sorting (plain, with key=, reverse, of tuples and strings) and list, dict
# and set comprehensions, including nested ones.


def lcg(seed, n):
    out = []
    x = seed
    for _ in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        out.append(x)
    return out


def sorting(n):
    data = lcg(42, n)
    a = sorted(data)
    b = sorted(data, reverse=True)
    c = sorted(data, key=lambda v: v % 1000)
    words = ["k" + str(v % 10007) for v in data]
    words.sort()
    pairs = [(v % 100, v) for v in data]
    pairs.sort()
    d = list(data)
    d.sort(key=lambda v: (v % 7, -v))
    return a[0], a[-1], b[0], c[0] % 1000, words[n // 2], pairs[-1], d[0]


def small_sorts(n):
    acc = 0
    data = lcg(7, 40)
    for i in range(n):
        chunk = data[i % 20:i % 20 + 20]
        chunk.sort()
        acc += chunk[0] % 97 + chunk[-1] % 89
        data[i % 40] = (data[i % 40] * 31 + i) % 100003
    return acc


def comprehensions(n):
    total = 0
    for r in range(n):
        sq = [x * x for x in range(100) if x % 3 != r % 3]
        evens = {x for x in sq if x % 2 == 0}
        index = {x: i for i, x in enumerate(sq)}
        grid = [[i * j for j in range(8)] for i in range(8)]
        flat = [v for row in grid for v in row if v % 2]
        total += len(sq) + len(evens) + index[sq[-1]] + sum(flat)
    return total


def main():
    print("sorting", sorting(SORT_N))
    print("small", small_sorts(SMALL_N))
    print("comp", comprehensions(COMP_N))


SORT_N = 160000
SMALL_N = 160000
COMP_N = 16000

main()
