# Run with: python -m m_module arg1 arg2
import sys
print("__name__ =", __name__)
print("argv[0] endswith m_module.py:", sys.argv[0].endswith("m_module.py"))
print("argv[1:] =", sys.argv[1:])
print("__spec__.name =", __spec__.name if __spec__ is not None else None)
print("m_module in sys.modules:", "m_module" in sys.modules)
print("__main__ is this module:", sys.modules["__main__"].__dict__ is globals())
if __name__ == "__main__":
    print("running as main")
