# Native _warnings: filters, registries, once/module/always/error actions, source=, catch_warnings
import warnings, sys
class Res: pass
r = Res()
warnings.warn("unclosed thing", ResourceWarning, source=r)
warnings.simplefilter('always')
warnings.warn("unclosed thing", ResourceWarning, source=r)
warnings.warn("dep", DeprecationWarning, stacklevel=1)
def f():
    warnings.warn("from f", UserWarning, stacklevel=2)
f()
warnings.resetwarnings()
warnings.simplefilter('once')
for i in range(3):
    warnings.warn("once only")
warnings.simplefilter('module')
for i in range(2):
    warnings.warn("per module")
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    warnings.warn("recorded", RuntimeWarning)
    print(len(w), w[0].category.__name__, str(w[0].message), w[0].lineno)
warnings.simplefilter('error')
try:
    warnings.warn("boom")
except UserWarning as e:
    print('raised', e)
try:
    warnings.warn("x", int)
except TypeError as e:
    print(e)
warnings.filterwarnings('ignore')
warnings.warn('hidden')
warnings.resetwarnings()
warnings.warn_explicit("explicit", UserWarning, "fake.py", 12)
print(sorted(k for k in globals().get('__warningregistry__', {}) if k != 'version')[:2])
print('done')
