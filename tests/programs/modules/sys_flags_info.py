# sys.flags, float_info, int_info, hash_info
import sys
f = sys.flags
print(type(f).__name__, f.debug, f.inspect, f.interactive, f.optimize, f.dont_write_bytecode,
      f.no_user_site, f.no_site, f.ignore_environment, f.verbose, f.bytes_warning, f.quiet,
      f.isolated, f.dev_mode, f.utf8_mode, f.safe_path, f.int_max_str_digits, f.warn_default_encoding)
fi = sys.float_info
print(fi.max, fi.max_exp, fi.max_10_exp, fi.min, fi.min_exp, fi.min_10_exp, fi.dig, fi.mant_dig, fi.epsilon, fi.radix, fi.rounds)
print(fi[0] == fi.max, len(fi))
ii = sys.int_info
print(ii.bits_per_digit, ii.sizeof_digit, ii.default_max_str_digits, ii.str_digits_check_threshold)
hi = sys.hash_info
print(hi.width, hi.modulus, hi.inf, hi.nan, hi.imag, hi.hash_bits, hi.seed_bits, hi.cutoff)
print(hi.algorithm in ('siphash13', 'siphash24', 'fnv'))
try:
    sys.flags.debug = 1
except AttributeError as e:
    print(type(e).__name__, e)
