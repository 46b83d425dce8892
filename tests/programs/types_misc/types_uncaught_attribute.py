# uncaught AttributeError with suggestion
class Small:
    pass
s = Small()
try:
    s.missing
except AttributeError as e:
    print(type(e).__name__, e, e.name, e.obj is s)
try:
    Small.missing
except AttributeError as e:
    print(type(e).__name__, e)
class Config:
    def __init__(self):
        self.verbose = True
        self.timeout = 30
cfg = Config()
print(cfg.verbose, cfg.timeout)
print(cfg.timout)
