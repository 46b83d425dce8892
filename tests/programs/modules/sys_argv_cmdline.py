# sys.argv with command-line arguments
import sys
print(len(sys.argv))
for i, arg in enumerate(sys.argv):
    print(i, repr(arg))
print(sys.argv[0].endswith('sys_argv_cmdline.py'))
print(sys.orig_argv[1:] == sys.argv if hasattr(sys, 'orig_argv') else 'n/a')
import os
print(os.path.basename(sys.argv[0]))
print(sys.argv[1:])
print(' '.join(sys.argv[1:]))
print([len(a) for a in sys.argv])
print('--flag=3' in sys.argv, sys.argv.index('one'))
args = dict(a.lstrip('-').split('=') for a in sys.argv if a.startswith('--'))
print(args)
