class Celsius:
    def __init__(self, temperature=0):
        self.temperature = temperature

    def to_fahrenheit(self):
        return (self.temperature * 1.8) + 32

class Temperature:
    def __init__(self, name):
        self.name = name

    def __get__(self, instance, owner):
        return instance.__dict__[self.name]

    def __set__(self, instance, value):
        if value < -273.15:
            raise ValueError("Temperature below -273 is not possible")
        instance.__dict__[self.name] = value

class Weather:
    temperature = Temperature('temperature')

weather = Weather()
weather.temperature = 37
print(weather.temperature)  # Output: 37
