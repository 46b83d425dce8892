@my_decorator
def my_function():
    pass
