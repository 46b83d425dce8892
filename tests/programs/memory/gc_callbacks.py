# gc.callbacks receives start/stop phases
import gc
phases = []
def cb(phase, info):
    phases.append((phase, sorted(info)))
gc.callbacks.append(cb)
gc.collect()
gc.callbacks.remove(cb)
print(phases[0][0], phases[-1][0], len(phases))
print(phases[0][1])
print(phases[-1][1])
gens = []
def cb2(phase, info):
    if phase == 'start':
        gens.append(info['generation'])
gc.callbacks.append(cb2)
gc.collect(0)
gc.collect(1)
gc.collect(2)
gc.callbacks.remove(cb2)
print(gens)
print(type(gc.callbacks).__name__, cb in gc.callbacks)
