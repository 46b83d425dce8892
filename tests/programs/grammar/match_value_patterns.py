import enum

class Color(enum.Enum):
    RED = 1
    GREEN = 2

class Limits:
    LOW = 0
    HIGH = 100

def classify(v):
    match v:
        case Color.RED:
            return "red"
        case Color.GREEN:
            return "green"
        case Limits.LOW:
            return "low"
        case Limits.HIGH:
            return "high"
        case _:
            return "other"

for v in [Color.RED, Color.GREEN, 0, 100, 1, 2, 0.0, False]:
    print(repr(v), classify(v))

HIGH = 100
def capture_not_value(v):
    match v:
        case HIGH if False:
            return "never"
        case _:
            return "plain names always capture"
print(capture_not_value(5))

class Eq:
    def __init__(self):
        self.calls = 0
    def __eq__(self, other):
        self.calls += 1
        return other == "yes"
class Holder:
    probe = Eq()

match "yes":
    case Holder.probe:
        print("value pattern uses ==", Holder.probe.calls)

match None:
    case Holder.probe:
        print("no")
    case None:
        print("None literal uses identity")

match 1:
    case True:
        print("1 matches True?")
    case 1.0:
        print("1 matches 1.0 via ==")

match 0:
    case False:
        print("0 matches False?")
    case _:
        print("True/False/None patterns compare by identity")
