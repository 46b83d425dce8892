class Dog:
    def speak(self):
        return "Woof!"

class Cat:
    def speak(self):
        return "Meow!"

class AnimalFactory:
    @staticmethod
    def get_animal(animal_type):
        if animal_type == "dog":
            return Dog()
        elif animal_type == "cat":
            return Cat()
        else:
            return None

animal = AnimalFactory.get_animal("dog")
print(animal.speak())  # Output: Woof!
print(AnimalFactory.get_animal("cat").speak())
print(AnimalFactory.get_animal("cow"))
print(AnimalFactory().get_animal("dog").speak())
for kind in ["cat", "dog", "bird"]:
    creature = AnimalFactory.get_animal(kind)
    print(kind, type(creature).__name__)
