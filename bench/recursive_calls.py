# Recursive function calls: naive Fibonacci, mutual recursion, Ackermann.
# Recursion depth stays below about 250.


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)


def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


def main():
    total = fib(FIB_N)
    evens = 0
    for i in range(PARITY_N):
        if is_even(i % 200):
            evens += 1
    ack = 0
    for i in range(ACK_REPEAT):
        ack += ackermann(2, 100 + i % 20)
    print("fib", total)
    print("evens", evens)
    print("ack", ack)


FIB_N = 32
PARITY_N = 60000
ACK_REPEAT = 120

main()
