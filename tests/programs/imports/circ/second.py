from circ.first import FIRST
SECOND = "second"
