"""app package docstring"""
