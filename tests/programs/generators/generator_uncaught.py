def parse_numbers(lines):
    for line in lines:
        yield int(line)

def doubled(numbers):
    for n in numbers:
        yield n * 2

def main():
    data = ["1", "2", "x3", "4"]
    for value in doubled(parse_numbers(data)):
        print("value", value)

main()
