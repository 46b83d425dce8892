# pdb.run with step/next/print/continue from stdin
import pdb
def f(x):
    y = x * 2
    return y
pdb.run("f(3)")
print("after")
