class Config:
    def __init__(self):
        self.verbose = True
        self.timeout = 30

    def describe(self):
        return f"verbose={self.verbose}, timeout={self.timout}"

cfg = Config()
print(cfg.verbose)
try:
    cfg.verbos
except AttributeError as e:
    print(type(e).__name__, e, e.name, e.obj is cfg)
print(cfg.describe())
