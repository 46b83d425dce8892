import sys
import traceback

def show(fn):
    try:
        fn()
    except Exception:
        lines = traceback.format_exc().splitlines()
        for line in lines[4:]:
            print(line)
        print("-" * 20)

data = {"a": [1, 2]}
obj = None
show(lambda: data["a"][5])
show(lambda: data["b"])
show(lambda: obj.attribute)
show(lambda: 1 + "x")
show(lambda: data["a"][0] / 0)
show(lambda: len(5))
show(lambda: [1, 2].index(3) + 1)
show(lambda: int("z") * 2)
show(lambda: (1, 2)[7])
show(lambda: data["a"].nope())
