while True:
    def g():
        continue
    break
