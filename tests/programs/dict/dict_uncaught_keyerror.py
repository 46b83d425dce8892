# an uncaught KeyError with a tuple key
stock = {'apples': 3, 'pears': 0}
print(stock.get('plums', 0), stock['apples'])
try:
    stock['plums']
except KeyError as e:
    print(type(e).__name__, e, e.args)
try:
    stock.pop('kiwis')
except KeyError as e:
    print(type(e).__name__, e)
print('kiwis' in stock, sorted(stock))
prices = {('apple', 'red'): 1.2, ('pear', 'green'): 0.8}
print(prices[('apple', 'red')])
print(prices['pear', 'yellow'])
