# A UTF-8 support file read through tokenize.open and linecache.
name = "café ✓"

def greet(who):
    return f"{name}, {who!r:>{10}}"  # padded
