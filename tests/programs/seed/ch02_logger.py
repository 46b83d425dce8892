def logger(func):
    def wrapper(*args, **kwargs):
        result = func(*args, **kwargs)
        print(f"Function {func.__name__} called with {args}, {kwargs}")
        print(f"Result: {result}")
        return result
    return wrapper

@logger
def sum(a, b):
    return a + b

result = sum(2, 3)
