 def fibonacci(n):
 a, b = 0, 1
 while a < n:
 yield a
 a, b = b, a + b

 fib_gen = fibonacci(10)
 for number in fib_gen:
 print(number)
