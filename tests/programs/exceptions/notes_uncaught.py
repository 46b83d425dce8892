def validate(user):
    if "@" not in user["email"]:
        err = ValueError(f"invalid email: {user['email']}")
        err.add_note(f"user id: {user['id']}")
        err.add_note("hint: emails need an @ sign")
        raise err

validate({"id": 1, "email": "a@b.c"})
print("first user ok")
validate({"id": 2, "email": "nobody"})
