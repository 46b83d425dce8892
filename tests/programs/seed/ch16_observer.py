class Observer:
    def update(self, change):
        print("Observer received change:", change)

class Observable:
    def __init__(self):
        self._observers = []

    def add_observer(self, observer):
        if observer not in self._observers:
            self._observers.append(observer)

    def remove_observer(self, observer):
        if observer in self._observers:
            self._observers.remove(observer)

    def notify_observers(self, value):
        for observer in self._observers:
            observer.update(value)

observable = Observable()
observer1 = Observer()
observable.add_observer(observer1)
observable.notify_observers("Update 1")
