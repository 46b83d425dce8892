class MyContextManager:
    def __enter__(self):
        print("Entering context")
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        print("Exiting context")

with MyContextManager() as manager:
    print("Inside context")

print(type(manager).__name__)
try:
    with MyContextManager():
        print("About to fail")
        raise RuntimeError("inside block")
except RuntimeError as e:
    print("Caught:", e)
with MyContextManager() as first, MyContextManager() as second:
    print(first is second)
