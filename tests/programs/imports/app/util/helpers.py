prefix = "run:"

def shout(s):
    return s.upper()
