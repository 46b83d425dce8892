# -*- coding: latin-1 -*-
# A support file read through tokenize.open and the tokenize CLI.
name = "café"

def greet(who):
    return f"{name}, {who!r:>{10}}"  # padded
