# case conversion methods
words = ['hello world', 'HELLO', 'hELLO wORLD', "they're bill's friends", 'ß', 'ﬁne', 'İstanbul',
         'ǅungla', 'σς ΣΑΣ', 'mixed123abc', '123', '', 'a_b-c d', 'ΣΑΣ.', 'ŉ']
for w in words:
    print(repr(w), repr(w.upper()), repr(w.lower()), repr(w.title()), repr(w.capitalize()),
          repr(w.swapcase()), repr(w.casefold()))
print('ß'.upper(), len('ß'.upper()), 'ß'.casefold() == 'ss', 'ẞ'.lower())
print('straße'.casefold() == 'STRASSE'.casefold(), 'straße'.lower() == 'strasse')
print('hello'.capitalize(), 'HELLO'.capitalize(), '1abc'.capitalize(), ' abc'.capitalize())
print("o'neil mc-donald 3rd".title())
print('\u01c4'.lower(), '\u01c4'.title(), '\u01c6'.upper(), '\u01c6'.title())
print('ABC'.lower().islower(), 'abc'.upper().isupper(), 'Hello'.swapcase().swapcase())
print('hello world'.title().istitle(), '1A'.istitle(), 'A1'.istitle())
print('ǈ'.isupper(), 'ǈ'.islower(), 'ǈ'.istitle())
