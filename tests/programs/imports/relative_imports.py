import sys
sys.dont_write_bytecode = True
sys.path.insert(0, sys.path[0] + "/support")

from app.core import run
print(run(42))
import app.core.engine as engine
print(engine.helpers.prefix, engine.__package__, engine.__name__)
import app
print(app.__doc__, sorted(k for k in vars(app) if not k.startswith("__")))
import app.util.helpers
print(app.util.helpers.shout("x"))
src = "from . import anything"
try:
    exec(src, {"__name__": "top", "__package__": ""})
except ImportError as e:
    print(type(e).__name__, e)
try:
    exec("from .. import x", {"__name__": "app.core.engine", "__package__": "app"})
except ImportError as e:
    print(type(e).__name__, e)
ns = {"__name__": "app.core.engine", "__package__": "app.core"}
exec("from ..util import helpers as h\nresult = h.shout('via exec')", ns)
print(ns["result"])
try:
    exec("from . import nope_module", {"__name__": "app.core", "__package__": "app.core"})
except ImportError as e:
    print(type(e).__name__, e)
