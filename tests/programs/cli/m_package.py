# Run with: python -m clipkg x y (package with __main__.py in clipkg/)
