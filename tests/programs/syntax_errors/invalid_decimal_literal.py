value = 1abc
