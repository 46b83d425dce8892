# Undecodable bytes in compile()d source: where they sit decides the error
for src in [b"x = '\xff'", b'x = 1\n\xe9 = 2', b'# c\nx="\xc3"', b'\xff', b'ab\xffcd', b'x=1\n\xc3\xa9\xc3\xa9\xff', b'x="\xe9\x80"', b'x="\xe9\x80z"', b'x="\xc3z"',b'# coding: latin-1\nx="\xe9"', b'# coding: ascii\nx="\xe9"', b'# coding: foo\nx=1', b'\n\n# vim: set fileencoding=cp1252 :\nx=1', b'# \xff\nx=1', b'x=1 # \xff', b'x=r"\xc3"', b'\xe9\xff=1', b'x = \xff+1', b'z="\xc3\xa9\xff"', b'x = "abc\xff"', b'x="a\\\\"\xff"', b'x="\xff" + "\xfe"', b'# -*- coding: cp1252 -*-\nprint("\x80")', b'#!/bin/python\n# coding=utf-8\nx="\xc3\xa9"']:
  try: compile(src,'b.py','exec'); print('ok')
  except SyntaxError as e: print(repr(e.msg), e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset)

# Imports compile bytes too: the unicode error is located in the module's file.
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), 'decoding_pkg'))
try:
    import bad_utf8_module
except SyntaxError as e:
    print(type(e).__name__, e.msg, os.path.basename(e.filename), e.lineno, e.offset, repr(e.text))
