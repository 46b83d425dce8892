print("beta: start")
from circ import alpha
B_VALUE = "beta value"
def use_alpha():
    return alpha.A_VALUE
print("beta: end, alpha is partially initialised:", not hasattr(alpha, "A_VALUE"))
