# assorted float attributes and behaviours
import sys
print(float.__name__, (1.5).__class__.__name__)
print(sys.float_info.max, sys.float_info.min, sys.float_info.epsilon)
print(sys.float_info.dig, sys.float_info.mant_dig, sys.float_info.max_exp, sys.float_info.min_exp)
print(sys.float_info.max_10_exp, sys.float_info.min_10_exp, sys.float_info.radix, sys.float_info.rounds)
print(1.0 + sys.float_info.epsilon > 1.0, 1.0 + sys.float_info.epsilon / 2 == 1.0)
print(float.__getformat__('double'))
print(isinstance(1.5, float), isinstance(1, float), issubclass(float, object))
class MyFloat(float):
    def __repr__(self):
        return 'MyFloat(%s)' % float.__repr__(self)
m = MyFloat(2.5)
print(repr(m), m + 1, type(m + 1).__name__, str(m), float(m), type(float(m)).__name__)
print(MyFloat('1.25'), MyFloat())
print((2.5).__repr__(), (2.5).__str__(), (2.5).__format__('.1f'))
print(float.__new__(float, '3'), float.__new__(MyFloat, 4))
try:
    (1.5).foo = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    float('1.0', 2)
except TypeError as e:
    print(type(e).__name__, e)
print(bool(0.0), bool(-0.0), bool(float('nan')), bool(1e-300))
print(1.5.__bool__(), 0.0.__bool__())
print([float(i) / 4 for i in range(9)])
