import sys
print("dont_write_bytecode:", sys.dont_write_bytecode)
print("flags.dont_write_bytecode:", sys.flags.dont_write_bytecode)
print("flags.optimize:", sys.flags.optimize)
