# Integer arithmetic in while and for loops (no big numbers except at the end).


def collatz_total(limit):
    total = 0
    n = 1
    while n < limit:
        x = n
        steps = 0
        while x != 1:
            if x % 2 == 0:
                x = x // 2
            else:
                x = 3 * x + 1
            steps += 1
        total += steps
        n += 1
    return total


def sieve_count(limit):
    flags = [True] * (limit + 1)
    flags[0] = False
    flags[1] = False
    i = 2
    while i * i <= limit:
        if flags[i]:
            for j in range(i * i, limit + 1, i):
                flags[j] = False
        i += 1
    count = 0
    for f in flags:
        if f:
            count += 1
    return count


def mixed_ops(n):
    acc = 0
    for i in range(n):
        acc = (acc + i * 7) ^ (i << 3)
        acc = acc & 0xFFFFFF
        acc -= i % 13
        acc |= (i >> 2) & 15
    return acc


def gcd_sum(n):
    s = 0
    for a in range(1, n):
        b = n - a
        x, y = a, b
        while y:
            x, y = y, x % y
        s += x
    return s


def main():
    print("collatz", collatz_total(COLLATZ_N))
    print("primes", sieve_count(SIEVE_N))
    print("mixed", mixed_ops(MIXED_N))
    print("gcd", gcd_sum(GCD_N))
    big = 1
    for i in range(1, 60):
        big *= i
    print("fact59 mod", big % 1000000007)


COLLATZ_N = 60000
SIEVE_N = 1800000
MIXED_N = 1800000
GCD_N = 360000

main()
