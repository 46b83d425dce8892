def task(n):
    if n == 1:
        raise ValueError(f"task {n} failed")
    if n == 2:
        raise TypeError(f"task {n} has wrong type")

def run_all():
    errors = []
    for n in range(3):
        try:
            task(n)
        except Exception as e:
            errors.append(e)
    if errors:
        raise ExceptionGroup("some tasks failed", errors)

run_all()
