# café in latin-1 without a coding declaration
x = 1
