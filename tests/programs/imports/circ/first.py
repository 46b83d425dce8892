from circ.second import SECOND
FIRST = "first"
