import sys
sys.dont_write_bytecode = True
sys.path.insert(0, sys.path[0] + "/support")

for stmt in ["import no_such_module", "import shapes.nope", "import greeting.sub",
             "from shapes import nope", "from shapes.nope import x", "import app.core.missing.deeper",
             "from greeting import does_not_exist"]:
    try:
        exec(stmt)
    except ImportError as e:
        msg = str(e).replace(sys.path[1], "$AREA").replace(sys.path[0], "$SUPPORT")
        print(f"{stmt!r:40} {type(e).__name__}: {msg} | name={e.name!r}")
print(issubclass(ModuleNotFoundError, ImportError))
import no_such_top_level_module
