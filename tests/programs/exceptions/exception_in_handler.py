def risky():
    try:
        return 1 / 0
    except ZeroDivisionError as e:
        print("handling", type(e).__name__)
        return undefined_helper(e)

try:
    risky()
except NameError as e:
    print("NameError with context:", type(e.__context__).__name__)

def cleanup_fails():
    try:
        raise ValueError("primary failure")
    finally:
        [][0]

cleanup_fails()
