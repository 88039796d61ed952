#!/usr/bin/env python3
"""browser_test.py: the HTML report in a real browser.

Generates `simcheck matrix SEEDS --format html` and `simcheck compare
002 004 --format html` into OUT, opens them from file:// in headless
Chromium driven through chromedriver (a small WebDriver client on the Python
standard library: urllib + json), checks the heatmap, the clusters and the
highlighted passages in the DOM, clicks the heatmap cell of 002/004 and
checks that pair's view, and saves screenshots (OUT/report.png,
OUT/report-pair.png, OUT/compare.png).

With --large N it also builds an N-document corpus from the seeds'
sentences, and reports the page's size and how long it takes to load.

Bounded: every request has a timeout and the whole run an alarm; the
chromedriver it starts (and the browser under it) is ended on exit.
Prints "N passed, M failed"; exit 0 when all passed, 77 when the browser
cannot be started at all (ctest SKIP_RETURN_CODE).
"""
import argparse
import base64
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

QUOTE = "realistic outcome of a negotiated settlement"
CHROME_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--disable-dev-shm-usage", "--disable-breakpad", "--disable-crash-reporter", "--hide-scrollbars",
               "--window-size=1440,1000"]


class Skip(Exception):
    pass


class WebDriver:
    """Just enough of the W3C WebDriver protocol."""

    def __init__(self, chromedriver, chromium, profile, timeout):
        self.timeout = timeout
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.log = open(os.path.join(profile, "chromedriver.log"), "wb")
        self.proc = subprocess.Popen([chromedriver, "--port=%d" % self.port, "--allowed-ips=127.0.0.1"],
                                     stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        self.base = "http://127.0.0.1:%d" % self.port
        self.session = None
        deadline = time.time() + 20
        while True:
            try:
                if self._call("GET", "/status", timeout=2).get("ready"):
                    break
            except (OSError, urllib.error.URLError):
                pass
            if time.time() > deadline or self.proc.poll() is not None:
                self.close()  # a driver that never answered must not outlive the test
                raise Skip("chromedriver did not start")
            time.sleep(0.1)
        caps = {"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": chromium,
                                   "args": CHROME_ARGS + ["--user-data-dir=" + os.path.join(profile, "chrome")]},
            "goog:loggingPrefs": {"browser": "ALL"}}}}
        try:
            self.session = self._call("POST", "/session", caps, timeout=60)["sessionId"]
        except (RuntimeError, OSError, urllib.error.URLError) as e:
            self.close()
            raise Skip("the browser did not start: %s" % e)

    def _call(self, method, path, body=None, timeout=None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.base + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=timeout or self.timeout) as r:
                v = json.loads(r.read() or b"{}").get("value")
                return {} if v is None else v
        except urllib.error.HTTPError as e:
            try:
                v = json.loads(e.read()).get("value", {})
                raise RuntimeError("%s %s: %s: %s" % (method, path, v.get("error"), (v.get("message") or "")[:300]))
            except ValueError:
                raise RuntimeError("%s %s: HTTP %d" % (method, path, e.code))

    def cmd(self, method, path, body=None, timeout=None):
        return self._call(method, "/session/%s%s" % (self.session, path), body, timeout)

    def get(self, url):
        self.cmd("POST", "/url", {"url": url}, timeout=120)

    def js(self, script, *args):
        return self.cmd("POST", "/execute/sync", {"script": script, "args": list(args)})

    def wait(self, script, what, seconds=15, *args):
        deadline = time.time() + seconds
        while time.time() < deadline:
            v = self.js(script, *args)
            if v:
                return v
            time.sleep(0.1)
        raise AssertionError("timed out waiting for " + what)

    def click_at(self, x, y):
        self.cmd("POST", "/actions", {"actions": [{
            "type": "pointer", "id": "mouse", "parameters": {"pointerType": "mouse"},
            "actions": [{"type": "pointerMove", "duration": 0, "x": int(round(x)), "y": int(round(y)), "origin": "viewport"},
                        {"type": "pointerDown", "button": 0}, {"type": "pointerUp", "button": 0}]}]})
        self.cmd("DELETE", "/actions")

    def screenshot(self, path, full=False):
        png = None
        if full:  # the whole page, through the DevTools protocol chromedriver exposes
            try:
                size = self.js("return [document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
                png = self.cmd("POST", "/goog/cdp/execute", {"cmd": "Page.captureScreenshot", "params": {
                    "captureBeyondViewport": True,
                    "clip": {"x": 0, "y": 0, "width": size[0], "height": min(size[1], 6000), "scale": 1}}})["data"]
            except (RuntimeError, KeyError, TypeError):
                png = None
        if png is None:
            png = self.cmd("GET", "/screenshot")
        with open(path, "wb") as f:
            f.write(base64.b64decode(png))

    def browser_errors(self):
        try:
            entries = self._call("POST", "/session/%s/se/log" % self.session, {"type": "browser"})
        except RuntimeError:
            return []
        return [e.get("message", "") for e in entries or [] if e.get("level") == "SEVERE"]

    def close(self):
        try:
            if self.session:
                self._call("DELETE", "/session/" + self.session, timeout=20)
        except (OSError, RuntimeError, urllib.error.URLError):
            pass
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
                self.proc.wait(5)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                try:
                    os.killpg(self.proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.proc.wait(5)
        self.log.close()


class Tally:
    def __init__(self):
        self.passed = self.failed = 0

    def check(self, cond, what, detail=""):
        if cond:
            self.passed += 1
        else:
            self.failed += 1
            print("FAIL: %s%s" % (what, (": " + str(detail)) if detail != "" else ""), file=sys.stderr)
        return cond


def run(cmd, out_path, timeout=600):
    with open(out_path, "wb") as f:
        r = subprocess.run(cmd, stdout=f, stderr=subprocess.PIPE, timeout=timeout)
    if r.returncode != 0:
        raise AssertionError("%s: exit %d: %s" % (" ".join(cmd), r.returncode, r.stderr.decode(errors="replace")[:500]))


def seed(seeds, prefix):
    for name in sorted(os.listdir(seeds)):
        if name.startswith(prefix):
            return os.path.join(seeds, name)
    raise AssertionError("no %s* in %s" % (prefix, seeds))


def static_checks(t, path):
    """Self-contained and escaped: checked on the file itself."""
    html = open(path, encoding="utf-8").read()
    m = re.search(r'<script type="application/json" id="sc-data">\n(.*?)\n</script>', html, re.S)
    t.check(m is not None, "one JSON data block", path)
    page = html.replace(m.group(1), "") if m else html  # the documents may quote addresses
    t.check(not re.search(r"<(script|link|img|iframe|object|embed)[^>]+(src|href|data)\s*=", page, re.I),
            "no external resource", path)
    t.check(not re.search(r"https?://|url\(", page), "no network address in the page", path)
    t.check("Content-Security-Policy" in page and "default-src 'none'" in page, "a CSP that forbids fetching", path)
    if m:
        t.check("<" not in m.group(1), "no '<' inside the data block", path)
        try:
            return json.loads(m.group(1))
        except ValueError as e:
            t.check(False, "the data block is JSON", e)
    return None


def check_matrix(t, wd, out, seeds):
    url = "file://" + os.path.join(out, "report.html")
    wd.get(url)
    wd.wait("return !!(window.simcheck && window.simcheck.ready)", "the report script")
    t.check(wd.js("return document.querySelectorAll('#heatmap canvas').length") == 1, "one heatmap canvas")
    painted = wd.js("""
        var c = document.querySelector('#heatmap canvas'); if (!c || !c.width) return 0;
        var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, n = 0;
        for (var i = 0; i < d.length; i += 4) if (d[i + 3] && (d[i] < 250 || d[i + 1] < 240)) n++;
        return n;""")
    t.check(painted > 2000, "the heatmap is painted", painted)
    clusters = wd.js("""return Array.prototype.map.call(document.querySelectorAll('#clusters .cluster'),
        function (c) { return Array.prototype.map.call(c.querySelectorAll('.member b'), function (b) { return b.textContent; }); });""")
    t.check(sorted(map(sorted, clusters or [])) == [["000", "001"], ["002", "003", "004"]],
            "clusters {000, 001} and {002, 003, 004}", clusters)
    t.check(wd.js("return document.querySelectorAll('mark.psg').length") >= 1, "a highlighted passage on load")
    t.check(wd.js("return document.querySelectorAll('#pairs tbody tr').length") == 10, "ten pairs listed")
    wd.js("window.scrollTo(0, 0)")
    wd.screenshot(os.path.join(out, "report.png"))

    ids = wd.js("""var d = window.simcheck.data.docs, r = {};
        d.forEach(function (x, i) { r[x.name.split('/').pop().slice(0, 4)] = i; }); return r;""")
    a, b = ids.get("002_"), ids.get("004_")
    t.check(a is not None and b is not None, "documents 002 and 004 in the data", ids)
    pos = wd.js("return window.simcheck.cellCenter(arguments[0], arguments[1])", a, b)
    wd.click_at(pos["x"], pos["y"])
    try:
        wd.wait("return location.hash === arguments[0]", "the 002/004 pair to open", 10, "#pair-%d-%d" % (min(a, b), max(a, b)))
        t.check(True, "clicking the 002/004 cell opens the pair")
    except AssertionError as e:
        t.check(False, "clicking the 002/004 cell opens the pair", e)
    title = wd.js("var h = document.querySelector('#pair-view .pair-title'); return h ? h.textContent : ''")
    t.check("002" in title and "004" in title, "the pair view names 002 and 004", title)
    marks = wd.js("""return Array.prototype.map.call(document.querySelectorAll('#pair-view .doc-text mark.psg'),
        function (m) { return m.textContent.replace(/\\s+/g, ' '); });""")
    t.check(len(marks) >= 14, "the passages are highlighted on both sides", len(marks))
    t.check(sum(QUOTE in m for m in marks) == 2, "the NATO passage is highlighted in both texts", [m for m in marks if "NATO" in m])
    same_colour = wd.js("""var cols = document.querySelectorAll('#pair-view .doc-text');
        var f = function (box) { var r = {}; box.querySelectorAll('mark[data-k]').forEach(function (m) { r[m.dataset.k] = m.className; }); return r; };
        var x = f(cols[0]), y = f(cols[1]), ok = Object.keys(x).length > 0;
        Object.keys(x).forEach(function (k) { if (x[k] !== y[k]) ok = false; }); return ok;""")
    t.check(same_colour, "passage i has the same colour on both sides")
    reasons = wd.js("return document.querySelector('#pair-view .reasons').textContent")
    t.check("shared passages" in reasons, "the verdict's reason is shown", reasons)
    facts = wd.js("return document.querySelector('#pair-view .facts').textContent")
    t.check("only in A: Belgium, 57, Union" in facts and "only in B: Kremlin" in facts,
            "the names and numbers only one side has are listed", facts[:200])
    verdict = wd.js("return document.querySelector('#pair-view .scorebox .verdict').textContent")
    t.check(verdict == "overlap", "the verdict is overlap", verdict)
    wd.js("document.getElementById('pair-view').scrollIntoView()")
    wd.screenshot(os.path.join(out, "report-pair.png"))
    wd.screenshot(os.path.join(out, "report-full.png"), full=True)

    # A rewrite pair lists its aligned sentences.
    ids0, ids1 = ids.get("000_"), ids.get("001_")
    wd.js("window.simcheck.openPair(arguments[0], arguments[1])", ids0, ids1)
    rows = wd.js("return document.querySelectorAll('#pair-view table.sentences tbody tr').length")
    t.check(rows >= 5, "the rewrite 000/001 lists aligned sentences", rows)
    t.check(wd.js("return document.querySelectorAll('#pair-view .doc-text mark').length") >= 10,
            "the rewrite's aligned sentences are highlighted")
    wd.js("document.getElementById('pair-view').scrollIntoView()")
    wd.screenshot(os.path.join(out, "report-rewrite.png"))
    errors = wd.browser_errors()
    t.check(not errors, "no error in the browser console", errors)


def check_compare(t, wd, out):
    wd.get("file://" + os.path.join(out, "compare.html"))
    wd.wait("return !!(window.simcheck && window.simcheck.ready)", "the compare page script")
    t.check(wd.js("return document.querySelectorAll('#heatmap').length") == 0, "compare: no heatmap")
    title = wd.js("var h = document.querySelector('#pair-view .pair-title'); return h ? h.textContent : ''")
    t.check("002" in title and "004" in title, "compare: the pair view names 002 and 004", title)
    marks = wd.js("""var q = arguments[0]; return Array.prototype.filter.call(document.querySelectorAll('#pair-view mark.psg'),
        function (m) { return m.textContent.replace(/\\s+/g, ' ').indexOf(q) >= 0; }).length""", QUOTE)
    t.check(marks == 2, "compare: the NATO passage is highlighted in both texts", marks)
    wd.screenshot(os.path.join(out, "compare.png"))
    errors = wd.browser_errors()
    t.check(not errors, "compare: no error in the browser console", errors)


SHARED = ("the harbour committee reviewed the quarterly accounts and found that dredging costs "
          "had doubled since the early spring floods")
EVIL_NAME = 'evil<img src=x onerror="window.__pwned=1"><!--&amp;.txt'  # no '/' in a file name


def check_escaping(t, wd, simcheck, out):
    """Names and texts that try to close the data block or inject markup,
    invalid UTF-8 and characters outside the BMP (two UTF-16 units) before
    the passage: nothing runs, everything shows as text, and the highlight
    still covers exactly the shared words."""
    folder = tempfile.mkdtemp(prefix="simcheck-escape-")
    try:
        with open(os.path.join(folder, EVIL_NAME), "wb") as f:
            f.write("\U0001F600 caf\u00e9 ".encode() + b"\xff\xfe </script><script>window.__pwned=2</script> <!-- " +
                    SHARED.encode() + " . The end \u2028 comes here.\n".encode())
        with open(os.path.join(folder, 'plain & "quoted".txt'), "w", encoding="utf-8") as f:
            f.write("Another start with other words entirely. " + SHARED + ". Different ending here.\n")
        path = os.path.join(out, "escape.html")
        run([simcheck, "matrix", folder, "--format", "html", "--quiet"], path)
        static_checks(t, path)
        wd.get("file://" + path)
        wd.wait("return !!(window.simcheck && window.simcheck.ready)", "the escaping report's script")
        t.check(wd.js("return window.__pwned === undefined && document.querySelectorAll('#app img').length === 0"),
                "escaping: no injected script or element ran")
        names = wd.js("return document.querySelector('#documents').textContent")
        t.check(EVIL_NAME in names and 'plain & "quoted".txt' in names, "escaping: names shown as text", names[:200])
        texts = wd.js("return Array.prototype.map.call(document.querySelectorAll('#pair-view .doc-text'), "
                      "function (b) { return b.textContent; })")
        t.check(any("\U0001F600 caf\u00e9 \ufffd\ufffd </script><script>window.__pwned=2</script> <!--" in x for x in texts),
                "escaping: the text is shown as written, invalid bytes as U+FFFD", texts)
        marks = wd.js("return Array.prototype.map.call(document.querySelectorAll('#pair-view .doc-text mark.psg'), "
                      "function (m) { return m.textContent; })")
        t.check(marks == [SHARED, SHARED], "escaping: the passage highlight covers exactly the shared words", marks)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def make_large(seeds, folder, n, rng):
    """N small documents from the seeds' sentences, in families: each family
    starts from a few seed sentences with a third of their words swapped for
    other seed words (so families share a topic but no passage), and its
    other members copy, extend, cut or lightly edit that text (near-duplicates,
    containment, overlap): a corpus with clusters to find."""
    sents, vocab = [], []
    for name in sorted(os.listdir(seeds)):
        if name.endswith(".txt"):
            text = open(os.path.join(seeds, name), encoding="utf-8").read()
            sents += [s.split() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) >= 6]
    vocab = sorted({w for s in sents for w in s})

    def mutate(words, p):
        return [rng.choice(vocab) if rng.random() < p else w for w in words]

    def fresh():
        return [mutate(s, 0.35) for s in rng.sample(sents, rng.randint(4, 10))]

    docs = []
    while len(docs) < n:
        base = fresh()
        family = [base]
        for _ in range(min(n - len(docs), rng.choice([1, 1, 1, 2, 3, 4, 6])) - 1):
            kind = rng.random()
            if kind < 0.3:
                family.append([mutate(s, 0.04) for s in base])          # near-duplicate
            elif kind < 0.6:
                family.append(fresh()[:2] + base + fresh()[:2])         # contains
            else:
                family.append(base[: max(1, len(base) // 2)] + fresh())  # overlap
        docs += family
    rng.shuffle(docs)
    for i, doc in enumerate(docs[:n]):
        with open(os.path.join(folder, "doc%04d.txt" % i), "w", encoding="utf-8") as f:
            f.write(" ".join(" ".join(s) for s in doc) + "\n")


def check_large(t, wd, simcheck, seeds, out, n, html=None):
    folder = tempfile.mkdtemp(prefix="simcheck-large-")
    try:
        path, gen = html, 0.0
        if not path:
            make_large(seeds, folder, n, random.Random(1000))
            path = os.path.join(out, "report-%d.html" % n)
            t0 = time.time()
            run([simcheck, "matrix", folder, "--format", "html", "--quiet"], path)
            gen = time.time() - t0
        size = os.path.getsize(path)
        t0 = time.time()
        wd.get("file://" + path)
        wd.wait("return !!(window.simcheck && window.simcheck.ready)", "the large report's script", 60)
        load = time.time() - t0
        nav = wd.js("""var e = performance.getEntriesByType('navigation')[0];
            return e ? {dom: e.domContentLoadedEventEnd, load: e.loadEventEnd} : null;""")
        nodes = wd.js("return document.getElementsByTagName('*').length")
        wd.screenshot(os.path.join(out, "report-%d.png" % n))
        t0 = time.time()
        wd.js("window.simcheck.openPair(window.simcheck.data.pairs[0].a, window.simcheck.data.pairs[0].b)")
        wd.js("return document.querySelectorAll('#pair-view mark').length")
        open_ms = (time.time() - t0) * 1000
        wd.screenshot(os.path.join(out, "report-%d-pair.png" % n))
        print("large: %d documents: simcheck %.1f s, %.2f MB of HTML, page ready in %.2f s (DOMContentLoaded %.0f ms, "
              "load %.0f ms), %d DOM elements, a pair opens in %.0f ms"
              % (n, gen, size / 1e6, load, nav["dom"] if nav else -1, nav["load"] if nav else -1, nodes, open_ms))
        t.check(load < 10, "the %d-document page is ready within 10 s" % n, load)
        t.check(nodes < 20000, "the %d-document page stays under 20000 DOM elements" % n, nodes)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--simcheck", required=True)
    ap.add_argument("--seeds", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    ap.add_argument("--chromedriver", default="/usr/bin/chromedriver")
    ap.add_argument("--large", type=int, default=0, help="also time an N-document report")
    ap.add_argument("--large-html", help=argparse.SUPPRESS)  # reuse a large report already made
    ap.add_argument("--timeout", type=int, default=300, help="seconds for the whole run")
    args = ap.parse_args()
    out = os.path.abspath(args.out)
    seeds = os.path.abspath(args.seeds)
    os.makedirs(out, exist_ok=True)
    for tool in (args.chromium, args.chromedriver):
        if not os.access(tool, os.X_OK):
            print("SKIP: %s not found" % tool)
            return 77

    def on_alarm(signum, frame):
        raise TimeoutError("the browser test ran out of time (%d s)" % args.timeout)
    signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(args.timeout)

    t = Tally()
    profile = tempfile.mkdtemp(prefix="simcheck-browser-")
    wd = None
    try:
        run([args.simcheck, "matrix", seeds, "--format", "html"], os.path.join(out, "report.html"))
        run([args.simcheck, "compare", seed(seeds, "002_"), seed(seeds, "004_"), "--format", "html"],
            os.path.join(out, "compare.html"))
        data = static_checks(t, os.path.join(out, "report.html"))
        static_checks(t, os.path.join(out, "compare.html"))
        t.check(data is not None and len(data["docs"]) == 5 and len(data["pairs"]) == 10, "report data: 5 documents, 10 pairs")
        try:
            wd = WebDriver(args.chromedriver, args.chromium, profile, timeout=60)
        except Skip as e:
            print("SKIP: %s" % e)
            return 77
        check_matrix(t, wd, out, seeds)
        check_compare(t, wd, out)
        check_escaping(t, wd, args.simcheck, out)
        if args.large:
            check_large(t, wd, args.simcheck, seeds, out, args.large, args.large_html)
    except (AssertionError, RuntimeError, TimeoutError, OSError, subprocess.TimeoutExpired) as e:
        t.check(False, "browser test", "%s: %s" % (type(e).__name__, e))
    finally:
        signal.alarm(0)
        if wd:
            wd.close()
        shutil.rmtree(profile, ignore_errors=True)
    print("screenshots: %s" % ", ".join(os.path.join(out, f) for f in sorted(os.listdir(out)) if f.endswith(".png")))
    print("%d passed, %d failed" % (t.passed, t.failed))
    return 1 if t.failed else 0


if __name__ == "__main__":
    sys.exit(main())
