from ..util import helpers
from ..util.helpers import shout as _shout

def run(x):
    return _shout(helpers.prefix + str(x))
