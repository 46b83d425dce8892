def load(config):
    try:
        return config["path"]
    except KeyError:
        raise RuntimeError("configuration is incomplete")

print("loading")
load({})
