animal = AnimalFactory.get_animal("dog")
print(animal.speak())  # Output: Woof!
