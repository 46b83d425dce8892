class ParseError(Exception):
    pass

def parse(text):
    try:
        return int(text)
    except ValueError as exc:
        raise ParseError(f"cannot parse {text!r}") from exc

print(parse("12"))
parse("twelve")
