from itertools import count

for n in count(10, 2):  # Start at ten, step by two
    if n > 20:
        break
    print(n)
