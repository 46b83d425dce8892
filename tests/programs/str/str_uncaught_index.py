# uncaught IndexError from a string
word0 = 'abc'
print(word0[-1], word0[-3], word0[0:100])
try:
    word0[3]
except IndexError as e:
    print(type(e).__name__, e)
try:
    word0[-4]
except IndexError as e:
    print(type(e).__name__, e)
word = 'python'
for i in range(0, 8, 2):
    print(i, word[i])
