import csv, io
s = io.StringIO()
w = csv.DictWriter(s, fieldnames=["a", "b", "c"], quoting=csv.QUOTE_NONNUMERIC)
w.writeheader()
w.writerows([{"a": 1, "b": "x,y", "c": None}, {"a": 2.5, "b": 'q"', "c": "z"}])
print(repr(s.getvalue()))
for row in csv.DictReader(io.StringIO(s.getvalue()), quoting=csv.QUOTE_NONNUMERIC):
    print(row)
print(list(csv.DictReader(io.StringIO("x,y\n1,2,3\n4\n"), restkey="rest")))
print(list(csv.reader(io.StringIO("a\tb\n'c'\t'd\te'\n", newline=""), "excel-tab", quotechar="'")))
s = io.StringIO(); csv.writer(s, "unix").writerow(["a", 1, None]); print(repr(s.getvalue()))
print(sorted(csv.list_dialects()))
csv.register_dialect("pipes", delimiter="|", quoting=csv.QUOTE_ALL)
print(list(csv.reader(['"a"|b|"c|d"'], "pipes")), csv.get_dialect("pipes").delimiter)
csv.unregister_dialect("pipes")
class My(csv.Dialect):
    delimiter = ";"; quotechar = "'"; lineterminator = "\n"; quoting = csv.QUOTE_MINIMAL; doublequote = True
s = io.StringIO(); csv.writer(s, My).writerows([["a;b", "it's"], [3]]); print(repr(s.getvalue()))
try:
    class Bad(csv.Dialect):
        delimiter = "ab"
    Bad()
except csv.Error as e:
    print("Error", e)
sample = "name,age,city\nAnn,30,Paris\nBob,25,Rome\n"
d = csv.Sniffer().sniff(sample)
print(d.delimiter, repr(d.quotechar), csv.Sniffer().has_header(sample))
r = csv.reader(io.StringIO('a,"b\nc"\nd\n', newline=""))
for row in r:
    print(r.line_num, row)
