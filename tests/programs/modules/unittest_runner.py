# unittest: assertRaises (frame.clear via traceback.clear_frames), failures, skips, warnings
import unittest, io
class T(unittest.TestCase):
    def test_raises(self):
        with self.assertRaises(ZeroDivisionError) as cm:
            1/0
        self.assertIn('division', str(cm.exception))
    def test_raises_regex(self):
        with self.assertRaisesRegex(ValueError, 'bad'):
            raise ValueError('bad thing')
    def test_fail(self):
        self.assertEqual(1, 2)
    @unittest.skip('because')
    def test_skip(self):
        pass
    def test_warns(self):
        import warnings
        with self.assertWarns(DeprecationWarning):
            warnings.warn('x', DeprecationWarning)
s = io.StringIO()
r = unittest.TextTestRunner(stream=s, verbosity=2).run(unittest.defaultTestLoader.loadTestsFromTestCase(T))
out = s.getvalue().splitlines()
print('\n'.join(l for l in out if not l.startswith('Ran ')))
print(r.testsRun, len(r.failures), len(r.errors), len(r.skipped))
