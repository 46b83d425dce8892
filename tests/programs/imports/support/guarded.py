def main():
    return "main() ran"

print("guarded: __name__ is", __name__)
if __name__ == "__main__":
    print("guarded: running as a script")
else:
    print("guarded: imported, main not run")
