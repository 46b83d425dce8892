# the integer string conversion length limit (4300 digits by default)
import sys
print(sys.get_int_max_str_digits())
print(sys.int_info.default_max_str_digits, sys.int_info.str_digits_check_threshold)
s = '1' * 4300
print(len(str(int(s))))
try:
    int('1' * 4301)
except ValueError as e:
    print(type(e).__name__, e)
big = 10 ** 5000
try:
    str(big)
except ValueError as e:
    print(type(e).__name__, e)
try:
    repr(-big)
except ValueError as e:
    print(type(e).__name__, e)
print(len(hex(big)) > 4300)
print(int('f' * 5000, 16) > 0)
sys.set_int_max_str_digits(6000)
print(sys.get_int_max_str_digits())
print(len(str(big)))
sys.set_int_max_str_digits(0)
print(len(str(10 ** 20000)))
try:
    sys.set_int_max_str_digits(100)
except ValueError as e:
    print(type(e).__name__, e)
sys.set_int_max_str_digits(640)
print(sys.get_int_max_str_digits())
try:
    int('2' * 641)
except ValueError as e:
    print(type(e).__name__, e)
try:
    f'{10 ** 700}'
except ValueError as e:
    print(type(e).__name__, e)
print(len(str(10 ** 639)))
