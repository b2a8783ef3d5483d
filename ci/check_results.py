#!/usr/bin/env python3
"""Checks on the CSV contract used by ci/e2e-smoke.sh (standard library only)."""
import csv
import html
import re
import sys
from collections import Counter

from schema import FINISHED, METRICS


def rows(folder, name="results.csv"):
    with open(f"{folder}/{name}", newline="") as f:
        return list(csv.DictReader(f))


def main(cmd, *args):
    if cmd == "rows":
        print(len(rows(args[0])))
        return 0
    if cmd == "count":
        folder, expected = args[0], int(args[1])
        results = rows(folder)
        ids = Counter(r["cell_id"] for r in results)
        dup = [k for k, n in ids.items() if n > 1]
        if dup:
            print("duplicated rows:", dup, file=sys.stderr)
            return 1
        if len(results) != expected:
            print(f"{len(results)} rows, expected {expected}", file=sys.stderr)
            return 1
        bad = [(r["cell_id"], r["status"], r["reason"]) for r in results if r["status"] not in FINISHED]
        if bad:
            print("cells not ok:", bad, file=sys.stderr)
            return 1
        curves = Counter(r["cell_id"] for r in rows(folder, "curves.csv"))
        wrong = [r["cell_id"] for r in results if curves.get(r["cell_id"], 0) != int(r["epochs"])]
        if wrong:
            print("curve rows do not match epochs for:", wrong, file=sys.stderr)
            return 1
        missing = [r["cell_id"] for r in results if not r["git_commit"] or not r["native_classifier"] or not r["dataset_sha256"] or not r["trained_in"]]
        if missing:
            print("rows without provenance:", missing, file=sys.stderr)
            return 1
        return 0
    if cmd == "same":
        a = {r["cell_id"]: r for r in rows(args[0])}
        b = {r["cell_id"]: r for r in rows(args[1])}
        if a.keys() != b.keys():
            print("different cells", file=sys.stderr)
            return 1
        diff = [(k, m, a[k][m], b[k][m]) for k in a for m in METRICS if a[k][m] != b[k][m]]
        if diff:
            print("different metrics:", diff[:5], file=sys.stderr)
            return 1
        return 0
    if cmd == "site":
        import glob
        import os
        folder, site, refs = args
        pages = {os.path.basename(p): open(p, encoding="utf-8").read() for p in glob.glob(os.path.join(site, "*.html"))}
        for needed in ("index.html", "claims.html", "performance.html"):
            if needed not in pages:
                print("the site has no", needed, file=sys.stderr)
                return 1
        text = "".join(pages.values())
        report_pages = "".join(v for k, v in pages.items() if re.fullmatch(r"r\d+\.html", k))
        missing = [r["experiment_id"] for r in rows(folder) if html.escape(r["experiment_id"]) not in text]
        if missing:
            print("experiments missing from the site:", missing, file=sys.stderr)
            return 1
        with open(refs, newline="") as f:
            n = sum(1 for _ in csv.DictReader(f))
        found = report_pages.count('<tr class="comparison">')
        if found != n:
            print(f"{found} comparison rows, {n} reference values", file=sys.stderr)
            return 1
        with open(refs.replace("reference-values.csv", "claims.csv"), newline="") as f:
            claims = sum(1 for _ in csv.DictReader(f))
        base = site
        links = re.findall(r'(?:src|href)="([^"#][^"]*)"', text)
        broken = [l for l in links if not l.startswith(("http:", "https:")) and not os.path.exists(os.path.join(base, html.unescape(l).split("#")[0]))]
        if broken:
            print("links that do not resolve:", broken[:5], file=sys.stderr)
            return 1
        if any(l.startswith(("http:", "https:")) for l in re.findall(r'src="([^"]*)"', text)):
            print("the page loads something from the network", file=sys.stderr)
            return 1
        # a claim row's class is "claim", plus "contradictory" when it contradicts another claim
        shown = len(re.findall(r'<tr class="claim[" ]', pages["claims.html"]))
        if shown != claims:
            print(f"{shown} claim rows, {claims} claims", file=sys.stderr)
            return 1
        return 0
    print("usage: check_results.py rows|count|same|site ...", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
