for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("finally", i)
for i in range(5):
    try:
        if i == 2:
            break
    finally:
        print("cleanup", i)
print("after loop", i)
def f():
    for i in range(3):
        try:
            return i
        finally:
            print("finally before return", i)
print(f())
def g():
    for i in range(3):
        try:
            continue
        finally:
            if i == 1:
                break
    return i
print(g())
def h():
    while True:
        try:
            raise ValueError("boom")
        except ValueError:
            print("caught, breaking")
            break
        finally:
            print("finally after except")
    return "done"
print(h())
def k():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            continue
    return "exception swallowed by continue"
print(k())
def nested():
    out = []
    for a in range(3):
        for b in range(3):
            try:
                if b == 1:
                    break
                out.append((a, b))
            finally:
                out.append("f")
    return out
print(nested())
