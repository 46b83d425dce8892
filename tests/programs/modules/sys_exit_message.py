# sys.exit with a string prints it to stderr and exits with status 1
import sys as _s
try:
    _s.exit('caught message')
except SystemExit as e:
    print(type(e).__name__, repr(e.code))
try:
    _s.exit(None)
except SystemExit as e:
    print(repr(e.code))
import sys
print('before exit')
sys.stdout.flush()
sys.exit('fatal: something went wrong')
