# Run as: python -c CODE a b --opt (see c_argv.cmdline)
