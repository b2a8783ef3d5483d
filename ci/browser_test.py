#!/usr/bin/env python3
"""Opens a rendered site in headless Chromium (Selenium + chromedriver, Debian packages) as a reader
would, and checks it:
  1. every page loads with no console error and requests nothing from the network;
  2. every link and image resolves (images decode: naturalWidth > 0; #anchors exist on their page);
  3. the scoreboard's cell counts equal those computed from the results CSV, and its reference-number
     counts those of the verdict table the site offers (data/verdicts.csv);
  4. hostile strings (given with --hostile) are shown as text, never run or parsed as markup;
  5. every page offers the CSV behind it (a #downloads paragraph), and each file it links parses as CSV with a header.
Screenshots of the index and one report page go to --screenshots.

usage: browser_test.py SITE_DIR RESULTS_CSV [--hostile STRING]... [--screenshots DIR]
"""
import argparse
import csv
import html
import os
import sys
import tempfile
from collections import Counter
from urllib.parse import unquote, urlparse

from schema import FAILED, FINISHED
from selenium import webdriver
from selenium.common.exceptions import UnexpectedAlertPresentException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--window-size=1400,1800"]


def browser(profile_dir):
    opts = webdriver.ChromeOptions()
    opts.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for f in CHROMIUM_FLAGS + ["--user-data-dir=" + profile_dir]:
        opts.add_argument(f)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    return webdriver.Chrome(service=service, options=opts)


def expected_scoreboard(results_csv):
    counts = {}
    with open(results_csv, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            c = counts.setdefault(r["report"], Counter())
            c["run"] += 1
            c[r["status"] if r["status"] in FINISHED else FAILED] += 1
    return counts


def expected_verdicts(verdicts_csv):
    counts = {}
    with open(verdicts_csv, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            c = counts.setdefault(r["report"], Counter())
            if r["verdict"] == "within":
                c["within"] += 1
            elif r["verdict"] in ("better", "worse", "outside"):
                c["outside"] += 1
    return counts


def check_downloads(d, site, page, failures):
    found = d.find_elements(By.CSS_SELECTOR, "#downloads a")
    if not found:
        failures.append(f"{page}: offers no data to download (#downloads)")
    for link in found:
        path = unquote(urlparse(link.get_attribute("href")).path)
        if path.endswith(".csv") and os.path.exists(path):
            with open(path, newline="", encoding="utf-8") as f:
                rows = list(csv.reader(f))
            if not rows or not rows[0]:
                failures.append(f"{page}: download {os.path.basename(path)} has no header")
            elif any(len(r) != len(rows[0]) for r in rows[1:]):
                failures.append(f"{page}: download {os.path.basename(path)} has rows of another width than its header")


def check_page(d, site, page, a, failures):
    """Checks one page; returns (links, images) checked."""
    url = "file://" + os.path.join(site, page)
    d.get(url)
    d.execute_script("return document.readyState")
    links = images = 0
    for entry in d.get_log("browser"):
        if entry["level"] in ("SEVERE", "ERROR"):
            failures.append(f"{page}: console {entry['level']}: {entry['message']}")
    remote = d.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name).filter(n => !n.startsWith('file:'))")
    if remote:
        failures.append(f"{page}: loads from the network: {remote[:3]}")
    for img in d.find_elements(By.TAG_NAME, "img"):
        images += 1
        ok = d.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", img)
        if not ok:
            failures.append(f"{page}: image does not load: {img.get_attribute('src')}")
    for link in d.find_elements(By.TAG_NAME, "a"):
        href = link.get_attribute("href")
        if not href:
            continue
        u = urlparse(href)
        if u.scheme != "file":
            failures.append(f"{page}: link leaves the site: {href}")
            continue
        links += 1
        path = unquote(u.path)
        if not os.path.exists(path):
            failures.append(f"{page}: broken link {href}")
        elif u.fragment and path.endswith(".html"):
            with open(path, encoding="utf-8") as f:
                if f'id="{unquote(u.fragment)}"' not in html.unescape(f.read()):
                    failures.append(f"{page}: link to a missing anchor {href}")
    check_downloads(d, site, page, failures)
    if page == "index.html":
        verdicts = expected_verdicts(os.path.join(site, "data", "verdicts.csv"))
        for row in d.find_elements(By.CSS_SELECTOR, "tr.score"):
            report = row.get_attribute("data-report")
            shown = {c.get_attribute("data-v"): int(c.text) for c in row.find_elements(By.CSS_SELECTOR, "td[data-v]")}
            want_v = verdicts.get(report, Counter())
            if shown.get("within") != want_v["within"]:
                failures.append(f"scoreboard {report} within: page {shown.get('within')}, verdicts.csv {want_v['within']}")
            outside = sum(shown.get(k, 0) for k in ("explained", "reduced", "unexplained"))
            if outside != want_v["outside"]:
                failures.append(f"scoreboard {report} outside: page {outside}, verdicts.csv {want_v['outside']}")
        want = expected_scoreboard(a.results_csv)
        rows = d.find_elements(By.CSS_SELECTOR, "tr.score")
        seen = set()
        for row in rows:
            report = row.get_attribute("data-report")
            seen.add(report)
            for cell in row.find_elements(By.CSS_SELECTOR, "td[data-k]"):
                k = cell.get_attribute("data-k")
                shown, expected = int(cell.text.replace(",", "")), want.get(report, Counter())[k]
                if shown != expected:
                    failures.append(f"scoreboard {report} {k}: page {shown}, CSV {expected}")
        for report in want:
            if report not in seen and report != "baselines":
                failures.append(f"scoreboard has no row for {report}")
        if a.screenshots:
            os.makedirs(a.screenshots, exist_ok=True)
            d.save_screenshot(os.path.join(a.screenshots, "index.png"))
    if page in ("r001.html", "changes.html") and a.screenshots:
        d.save_screenshot(os.path.join(a.screenshots, page.replace(".html", ".png")))
    return links, images


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("site")
    ap.add_argument("results_csv")
    ap.add_argument("--hostile", action="append", default=[])
    ap.add_argument("--screenshots")
    a = ap.parse_args()
    site = os.path.abspath(a.site)
    pages = sorted(p for p in os.listdir(site) if p.endswith(".html"))
    failures = []
    checked_links = checked_images = 0
    with tempfile.TemporaryDirectory() as profile:
        d = browser(profile)
        try:
            for page in pages:
                try:
                    checked = check_page(d, site, page, a, failures)
                    checked_links += checked[0]
                    checked_images += checked[1]
                except UnexpectedAlertPresentException as e:
                    failures.append(f"{page}: a script ran and opened an alert ({e.alert_text})")
                    try:
                        d.switch_to.alert.dismiss()
                    except Exception:
                        pass
            # hostile strings: shown literally somewhere, and no markup made from them
            if a.hostile and not any("alert" in f for f in failures):
                shown = {s: False for s in a.hostile}
                for page in pages:
                    d.get("file://" + os.path.join(site, page))
                    body = d.find_element(By.TAG_NAME, "body").text
                    for s in a.hostile:
                        if s in body:
                            shown[s] = True
                    injected = d.execute_script("return document.querySelectorAll('[data-hostile], script, img[src=\"x\"], [onerror]').length")
                    if injected:
                        failures.append(f"{page}: {injected} element(s) made from hostile text")
                for s, ok in shown.items():
                    if not ok:
                        failures.append(f"hostile string not shown as text on any page: {s!r}")
        finally:
            d.quit()
    for f in failures:
        print("browser: FAIL:", f, file=sys.stderr)
    print(f"browser: {len(pages)} pages, {checked_links} links, {checked_images} images checked; {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
