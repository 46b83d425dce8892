class ReadOnly:
    def __get__(self, instance, owner):
        return "This is a read-only attribute"
