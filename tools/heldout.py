#!/usr/bin/env python3
"""Score a folder of held-out contracts (NAME.txt|md with NAME.expected.json).

Usage: tools/heldout.py ART28 DIR [-v]

Prints accuracy of statuses, precision and recall of "missing", parties
right/wrong over the processor and controller fields, and the multiset F1
of sub-processor names (lower case, non-alphanumerics as spaces) overall
and for the German (de-*) files. -v lists the wrong items.
"""
import json, os, re, subprocess, sys
from collections import Counter


def norm(s):
    return " ".join(re.sub(r"[^0-9a-zäöüß]+", " ", (s or "").lower()).split())


def run(exe, path):
    out = subprocess.run([exe, "check", "--format", "json", path], capture_output=True, text=True)
    return json.loads(out.stdout)


def main():
    exe, d = sys.argv[1], sys.argv[2]
    verbose = "-v" in sys.argv[3:]
    files = sorted(f for f in os.listdir(d) if f.endswith((".txt", ".md")) and f != "README.md"
                   and os.path.exists(os.path.join(d, f.rsplit(".", 1)[0] + ".expected.json")))
    if not files:
        return
    n = ok = tp = fp = fn = 0
    pr = pw = pn = 0
    sub = {"all": [0, 0, 0], "de": [0, 0, 0]}
    for f in files:
        exp = json.load(open(os.path.join(d, f.rsplit(".", 1)[0] + ".expected.json")))
        got = run(exe, os.path.join(d, f))
        st = {r["id"]: r["status"] for r in got["requirements"]}
        for rid, want in exp["statuses"].items():
            have = st.get(rid)
            n += 1
            ok += have == want
            if have == "missing" and want == "missing":
                tp += 1
            elif have == "missing":
                fp += 1
                verbose and print(f"  FP {f} {rid}: want {want}")
            elif want == "missing":
                fn += 1
                verbose and print(f"  FN {f} {rid}: got {have}")
            elif have != want:
                verbose and print(f"  -- {f} {rid}: got {have} want {want}")
        for role in ("processor", "controller"):
            want = exp.get(role)
            if not want:
                continue
            pn += 1
            p = (got.get("parties") or {}).get(role) or {}
            if norm(p.get("name")) == norm(want):
                pr += 1
            else:
                if p.get("name"):
                    pw += 1
                verbose and print(f"  PARTY {f} {role}: got {p.get('name')!r} want {want!r}")
        if "subprocessors" in exp:
            w = Counter(norm(s) for s in exp["subprocessors"])
            g = Counter(norm(s["name"]) for s in got.get("subprocessors") or [])
            inter = sum((w & g).values())
            for key in ("all", "de") if f.startswith("de") else ("all",):
                sub[key][0] += inter
                sub[key][1] += sum(g.values())
                sub[key][2] += sum(w.values())
            if verbose and w != g:
                print(f"  SUBS {f}: missed {sorted((w - g).elements())} extra {sorted((g - w).elements())}")

    def f1(t):
        p = t[0] / t[1] if t[1] else 1.0
        r = t[0] / t[2] if t[2] else 1.0
        return 2 * p * r / (p + r) if p + r else 0.0
    P = tp / (tp + fp) if tp + fp else 1.0
    R = tp / (tp + fn) if tp + fn else 1.0
    print(f"{d}: acc {ok/n:.3f} ({ok}/{n}) | missing P {tp}/{tp+fp}={P:.3f} R {tp}/{tp+fn}={R:.3f} | "
          f"parties {pr}/{pn} wrong {pw} | subs F1 {f1(sub['all']):.3f} ({sub['all'][0]} of {sub['all'][2]} found, "
          f"{sub['all'][1]} given; de {f1(sub['de']):.3f}: {sub['de'][0]} of {sub['de'][2]}, {sub['de'][1]} given)")


main()
