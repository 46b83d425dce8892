a = "fine"
b = 'not closed
