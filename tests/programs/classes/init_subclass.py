class Plugin:
    registry = {}
    def __init_subclass__(cls, /, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        key = name or cls.__name__.lower()
        Plugin.registry[key] = cls
        cls.plugin_name = key
class Audio(Plugin):
    pass
class Video(Plugin, name="vid"):
    pass
class HDVideo(Video, name="hd"):
    pass
print(Plugin.registry)
print(Audio.plugin_name, Video.plugin_name, HDVideo.plugin_name)
print("__init_subclass__" in Plugin.__dict__, type(Plugin.__dict__["__init_subclass__"]).__name__)
try:
    class Bad(Plugin, unknown=1):
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    class NoHook(unexpected=1):
        pass
except TypeError as e:
    print(type(e).__name__, e)
class Validated:
    required = ()
    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        missing = [r for r in cls.required if not hasattr(cls, r)]
        if missing:
            raise TypeError(f"{cls.__name__} missing {missing}")
class NeedsRun(Validated):
    required = ("run",)
    def run(self):
        pass
try:
    class Incomplete(NeedsRun):
        run = None
        required = ("run", "stop")
except TypeError as e:
    print(type(e).__name__, e)
class Tracker:
    def __init_subclass__(cls):
        print("init_subclass for", cls.__name__, "mro", [c.__name__ for c in cls.__mro__])
class T1(Tracker): pass
class T2(T1): pass
class MixA:
    def __init_subclass__(cls, **kw):
        print("MixA hook", cls.__name__, kw)
        super().__init_subclass__(**kw)
class MixB:
    def __init_subclass__(cls, **kw):
        print("MixB hook", cls.__name__, kw)
        super().__init_subclass__()
class Both(MixA, MixB, extra=1):
    pass
