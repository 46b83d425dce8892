# sys.exit with an integer status, after catching SystemExit once
import sys
try:
    sys.exit(5)
except SystemExit as e:
    print(type(e).__name__, e.code, repr(e))
try:
    sys.exit()
except SystemExit as e:
    print(e.code, e.args)
try:
    raise SystemExit('msg', 2)
except SystemExit as e:
    print(e.code, e.args)
print(issubclass(SystemExit, Exception), issubclass(SystemExit, BaseException))
try:
    sys.exit(3)
finally:
    print('finally runs before exit')
