i = 0
while i < 3:
    print("loop", i)
    i += 1
else:
    print("else after normal exit, i =", i)
i = 0
while i < 10:
    if i == 2:
        print("breaking at", i)
        break
    i += 1
else:
    print("not printed")
while False:
    print("never")
else:
    print("else runs when the body never runs")
n = 0
while True:
    n += 1
    if n % 2:
        continue
    if n > 6:
        break
    print("even", n)
print("n =", n)
def search(seq, target):
    i = 0
    while i < len(seq):
        if seq[i] == target:
            return i
        i += 1
    else:
        return -1
print(search([5, 6, 7], 6), search([5, 6, 7], 9))
count = 3
while count:
    count -= 1
    try:
        if count == 1:
            continue
    finally:
        print("finally", count)
else:
    print("done with else")
outer = 0
while outer < 2:
    inner = 0
    while inner < 5:
        inner += 1
        if inner == 2:
            break
    else:
        print("inner else")
    print("outer", outer, "inner", inner)
    outer += 1
