#!/usr/bin/env python3
"""samejson.py OLD NEW [ROOT]: runs two art28 binaries with `check --format json` over the development
texts that notes/cmp.py lists (plus the corpus' DOCX/PDF originals) and reports every file whose standard
output, standard error or exit code differs byte for byte. For speed work, whose bar is identical output."""
import subprocess, sys, glob
from concurrent.futures import ThreadPoolExecutor
old, new = sys.argv[1], sys.argv[2]
root = sys.argv[3] if len(sys.argv) > 3 else '.'
td = root + '/internal/analyze/testdata/'
files = sorted(set(glob.glob('/work/shared/corpus/seeds/*') + glob.glob('/work/shared/corpus/en-dpa/*') +
               glob.glob('/work/shared/corpus/de-dev/*') + glob.glob(td + 'written/*.txt') + glob.glob(td + 'written/*.md') +
               glob.glob(td + 'written/pending/*') +
               [f for h in ['holdout9','holdout10','holdout11','holdout12','holdout13','holdout14','holdout15','holdout16','holdout17']
                for f in glob.glob(td + h + '/*.txt')] + glob.glob(root + '/examples/*')))
files = [f for f in files if not f.endswith(('.json', '.yaml', '.yml', '.csv', 'README.md')) and '/labels' not in f]
def run(exe, f):
    p = subprocess.run([exe, 'check', '--format', 'json', f], capture_output=True)
    return p.returncode, p.stdout, p.stderr
def both(f): return f, run(old, f), run(new, f)
n = 0
with ThreadPoolExecutor(2) as ex:
    for f, a, b in ex.map(both, files):
        if a != b:
            n += 1; print('differs:', f)
print(f'{len(files)} files, {n} differing')
sys.exit(1 if n else 0)
