import sys
sys.dont_write_bytecode = True
sys.path.insert(0, sys.path[0] + "/support")

import types
fake = types.ModuleType("fake_module")
fake.answer = 42
sys.modules["fake_module"] = fake
import fake_module
print(fake_module is fake, fake_module.answer)
from fake_module import answer
print(answer)
sys.modules["blocked"] = None
try:
    import blocked
except ImportError as e:
    print(type(e).__name__, e)
class NotAModule:
    value = "any object can live in sys.modules"
sys.modules["oddball"] = NotAModule()
import oddball
print(type(oddball).__name__, oddball.value)
import greeting
print("greeting" in sys.modules, sys.modules["greeting"] is greeting)
print("sys" in sys.modules, "builtins" in sys.modules, "__main__" in sys.modules)
print(sys.modules["__main__"].__dict__ is globals())
import shapes.circle
del sys.modules["shapes.circle"]
import shapes.circle as again
print("re-imported after deletion; package attribute updated:", shapes.circle is again)
print(type(sys.modules).__name__)
