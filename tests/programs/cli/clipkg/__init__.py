print("clipkg/__init__ running, __name__ =", __name__)
