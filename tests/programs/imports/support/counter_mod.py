print("counter_mod executed")
loads = 1
