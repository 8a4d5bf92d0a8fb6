#!/usr/bin/env python3
"""Compare two art28 binaries on every development text.

Usage: tools/cmpout.py OLD NEW [ROOT]

Texts: ../shared seeds, en-dpa and de-dev (*.txt), ROOT's written clause
texts (internal/analyze/testdata/written), every holdout folder and
examples/. Prints each difference in statuses ("?" marks an uncertain
verdict), processor, controller and sub-processor names.
"""
import glob, json, os, subprocess, sys
from concurrent.futures import ThreadPoolExecutor

old, new = sys.argv[1], sys.argv[2]
root = sys.argv[3] if len(sys.argv) > 3 else "."
shared = os.path.join(root, "..", "shared") if os.path.isdir(os.path.join(root, "..", "shared")) else "/work/shared"
files = []
for pat in ("corpus/seeds/*.txt", "corpus/en-dpa/*.txt", "corpus/de-dev/*.txt"):
    files += glob.glob(os.path.join(shared, pat))
td = os.path.join(root, "internal/analyze/testdata")
files += glob.glob(os.path.join(td, "written/*.txt")) + glob.glob(os.path.join(td, "written/*.md"))
for d in glob.glob(os.path.join(td, "holdout*")):
    files += [f for f in glob.glob(os.path.join(d, "*.txt")) + glob.glob(os.path.join(d, "*.md"))
              if not f.endswith("README.md")]
files += [f for f in glob.glob(os.path.join(root, "examples/*")) if f.endswith((".txt", ".md", ".docx", ".pdf", ".odt"))]
files = sorted(set(files))


def view(exe, f):
    p = subprocess.run([exe, "check", "--format", "json", f], capture_output=True, text=True)
    try:
        d = json.loads(p.stdout)
    except json.JSONDecodeError:
        return {"error": p.stderr.strip()[:200]}
    st = {r["id"]: r["status"] + ("?" if r.get("uncertain") else "") for r in d.get("requirements", [])}
    parties = d.get("parties") or {}
    return {"st": st,
            "processor": (parties.get("processor") or {}).get("name"),
            "controller": (parties.get("controller") or {}).get("name"),
            "subs": sorted(s["name"] for s in d.get("subprocessors") or [])}


def both(f):
    return f, view(old, f), view(new, f)


diffs = 0
with ThreadPoolExecutor(4) as ex:
    for f, a, b in ex.map(both, files):
        if a == b:
            continue
        name = os.path.relpath(f, root)
        if "st" not in a or "st" not in b:
            print(f"{name}: {a.get('error')} -> {b.get('error')}")
            diffs += 1
            continue
        for k in sorted(set(a["st"]) | set(b["st"])):
            if a["st"].get(k) != b["st"].get(k):
                print(f"{name}: {k} {a['st'].get(k)} -> {b['st'].get(k)}")
                diffs += 1
        for k in ("processor", "controller"):
            if a[k] != b[k]:
                print(f"{name}: {k} {a[k]!r} -> {b[k]!r}")
                diffs += 1
        if a["subs"] != b["subs"]:
            print(f"{name}: subs -{sorted(set(a['subs'])-set(b['subs']))} +{sorted(set(b['subs'])-set(a['subs']))}")
            diffs += 1
print(f"{len(files)} texts, {diffs} differences")
