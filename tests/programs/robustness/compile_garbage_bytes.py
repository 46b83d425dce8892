# compiling pseudo-random garbage must raise an exception, never crash
state = 12345
def next_byte():
    global state
    state = (state * 1103515245 + 12345) % (2 ** 31)
    return (state >> 16) & 0xFF
for trial in range(12):
    data = bytes(next_byte() for _ in range(40))
    source = data.decode('latin-1') if trial % 2 else data.decode('utf-8', 'replace')
    source = source.replace('\0', '')
    try:
        compile(source, '<garbage>', 'exec')
        print(trial, 'compiled')
    except (SyntaxError, ValueError) as e:
        print(trial, type(e).__name__, e)
for src in ['\x7f', '$', '?', '`x`', '1 2', 'a b c', '\u2603 = 1', 'x = 1\x0c\x0b', '\\', '0b', '0x', '1e', '09', '1__2']:
    try:
        compile(src, '<bad>', 'exec')
        print(repr(src), 'compiled')
    except SyntaxError as e:
        print(repr(src), type(e).__name__, e)
alphabet = 'abcxyz019 ()[]{}:;,.=+-*/%<>!&|^~@\'"#\n\t\\'
for trial in range(10):
    src = ''.join(alphabet[next_byte() % len(alphabet)] for _ in range(30))
    try:
        compile(src, '<ascii-garbage>', 'exec')
        print('ascii', trial, 'compiled')
    except SyntaxError as e:
        print('ascii', trial, type(e).__name__, e.msg, e.lineno)
print('survived')
