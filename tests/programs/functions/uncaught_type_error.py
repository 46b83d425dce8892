class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance

    def deposit(self, amount, *, note):
        self.balance += amount
        return self.balance

acct = Account("ann")
print(acct.deposit(10, note="first"))
try:
    acct.deposit(5)
except TypeError as e:
    print("caught:", e)
print(acct.deposit(1, 2))
