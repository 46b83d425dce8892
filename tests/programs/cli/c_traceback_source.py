# Run as: python -c CODE (see c_traceback_source.cmdline): -c lines are quoted in tracebacks
