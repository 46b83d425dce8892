import sys

def work():
    try:
        print("in try")
        sys.exit(4)
    finally:
        print("finally runs")

try:
    work()
except SystemExit as e:
    print("caught", e.code)

try:
    try:
        sys.exit(7)
    finally:
        print("outer finally")
except BaseException as e:
    print(type(e).__name__, isinstance(e, Exception))

try:
    sys.exit(9)
finally:
    print("last finally before exit")
