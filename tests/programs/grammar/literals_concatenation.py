x = 5
s = "hello " 'world'
print(s)
print("a" "b" "c", "one" r"\two" "three")
print(b"by" b"tes", rb"\r" b"\n")
print(f"x={x} " "plain " f"again {x * 2}")
print("multi"
      "line"
      " concatenation")
t = ("first line\n"
     "second line\n")
print(repr(t))
print("""tri""" "ple" '''s''')
print(repr("x" f"{'y'!r}" "z"))
print(len("ab" "cd"), "ab" "cd" == "abcd")
parts = ["joined", "by", "space"]
print(" ".join(parts), "-".join("abc"), "".join([]))
print("%s has %d items, %.2f ratio, %r repr, %x hex, %5s|%-5s|" % ("list", 3, 0.5, "q", 255, "r", "l"))
print("%(name)s is %(age)d" % {"name": "Ann", "age": 30})
print("%c%c" % (72, "i"), "%%", "%05.1f" % 3.14159, "%+d" % 5, "%e" % 12345.0)
print("{} {}".format(1, 2), "{1} {0}".format("a", "b"), "{name}!".format(name="N"))
print("{:>6}|{:<6}|{:^6}|{:*^7}".format("r", "l", "c", "s"))
print("{0[1]} {1.real}".format([10, 20], 3 + 4j))
