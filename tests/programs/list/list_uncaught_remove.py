# uncaught ValueError from list.remove
nums = [1, 2, 3, 2]
nums.remove(2)
print(nums)
try:
    nums.remove(9)
except ValueError as e:
    print(type(e).__name__, e)
print(nums.index(2), 2 in nums)
todo = ['write', 'test', 'ship']
todo.remove('test')
print(todo)
todo.remove('test')
print('not reached')
