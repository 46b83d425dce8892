import sys
sys.dont_write_bytecode = True
sys.path.insert(0, sys.path[0] + "/support")

import circ.alpha
print(circ.alpha.use_beta(), circ.beta.use_alpha())
print(sorted(k for k in sys.modules if k.startswith("circ")))
try:
    import circ.first
except ImportError as e:
    print(type(e).__name__, e.name)
    print(str(e).replace(sys.path[1], "$AREA"))
print("circ.first" in sys.modules, "circ.second" in sys.modules)
