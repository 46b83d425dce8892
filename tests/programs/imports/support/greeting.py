"""A tiny module used by the import tests."""
print("executing greeting module body")
NAME = "greeting"
_private = "underscore"
count = 0

def hello(who="world"):
    global count
    count += 1
    return f"hello, {who}"
