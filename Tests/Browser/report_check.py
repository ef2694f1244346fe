#!/usr/bin/env python3
"""Opens a run's report.html in headless Chromium with networking off and checks it as a reader would see it.

Usage: Tests/Browser/report_check.py REPORT_HTML SCREENSHOT_DIR

Asserts: the page loads in under 2 s (navigation start to the end of the load event); no console
errors, no uncaught exceptions and no log errors (a blocked fetch or a content-policy violation is
one); no network request other than the page's own file; all seven sections present; every figure
holds an SVG with a non-zero size and drawn content; the key-figures JSON block parses; clicking a
leaderboard heading sorts the table; dragging the 3-D scatter turns it. Writes one PNG per section
(section-<id>.png, or section-<id>-1.png, … for a tall one), taken before any interaction, the whole
page (page.png) and the printed page (report.pdf, which must have a page per section at least) to
SCREENSHOT_DIR.

Speaks the DevTools protocol over --remote-debugging-pipe (file descriptors 3 and 4, messages
separated by NUL bytes), so it needs only Python's standard library and the `chromium` binary
(Debian's package; CHROMIUM names another). Kept apart from `swift test`: a machine without
Chromium still passes the unit tests, which check the HTML structure, escaping and SVG geometry.
Exit code 0 when every check passes, 1 with the failures listed otherwise.
"""

import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time

SECTIONS = ["summary", "method", "choosing-k", "quality", "segments", "behaviour", "reproducibility"]
LOAD_LIMIT_MS = 2000
WIDTH, HEIGHT = 1280, 900
TILE = 1400  # px: taller sections are written as several screenshots (section-<id>-1.png, …)


class Browser:
    """A headless Chromium driven over the DevTools pipe; events are kept until read."""

    def __init__(self, binary, profile):
        to_browser_r, self.to_browser = os.pipe()
        self.from_browser, from_browser_w = os.pipe()

        def map_pipes():
            # Chromium reads commands on fd 3 and writes replies on fd 4; dup2 clears close-on-exec.
            high_r = fcntl.fcntl(to_browser_r, fcntl.F_DUPFD, 10)
            high_w = fcntl.fcntl(from_browser_w, fcntl.F_DUPFD, 10)
            os.dup2(high_r, 3)
            os.dup2(high_w, 4)

        flags = [
            "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe", f"--user-data-dir={profile}",
            "--no-first-run", "--no-default-browser-check", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-extensions", "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
            f"--window-size={WIDTH},{HEIGHT}", "--hide-scrollbars", "about:blank",
        ]
        self.process = subprocess.Popen(
            [binary] + flags, preexec_fn=map_pipes, close_fds=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser_r)
        os.close(from_browser_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []
        self.session = None

    def close(self):
        try:
            self.call("Browser.close", timeout=5)
        except Exception:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def _read_message(self, deadline):
        while b"\0" not in self.buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("Chromium did not answer in time")
            ready, _, _ = select.select([self.from_browser], [], [], remaining)
            if ready:
                chunk = os.read(self.from_browser, 1 << 20)
                if not chunk:
                    raise RuntimeError("Chromium closed the DevTools pipe")
                self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method, params=None, timeout=30, session=True):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method, timeout=30):
        deadline = time.monotonic() + timeout
        for event in self.events:
            if event.get("method") == method:
                return event
        while True:
            event = self._read_message(deadline)
            self.events.append(event)
            if event.get("method") == method:
                return event

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def screenshot(self, path, clip=None):
        params = {"format": "png", "captureBeyondViewport": True}
        if clip:
            params["clip"] = dict(clip, scale=1)
        data = self.call("Page.captureScreenshot", params, timeout=60)["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))


# What the page must show, measured in the page: sections, figures and their SVGs, the JSON block.
INSPECT = """(() => {
  const sections = [...document.querySelectorAll('main > section')].map(s => ({
    id: s.id, heading: s.querySelector('h2') ? s.querySelector('h2').textContent : '', height: s.getBoundingClientRect().height }));
  const figures = [...document.querySelectorAll('figure[data-chart]')].map(f => {
    const svg = f.querySelector('svg'), box = svg ? svg.getBoundingClientRect() : {width: 0, height: 0};
    return { chart: f.getAttribute('data-chart'), section: f.closest('section') ? f.closest('section').id : '',
      width: box.width, height: box.height, shapes: svg ? svg.querySelectorAll('rect,circle,path,line,polygon,polyline').length : 0 };
  });
  let keyFigures = null;
  try { keyFigures = JSON.parse(document.getElementById('workbench-report-data').textContent); } catch (e) { keyFigures = String(e); }
  const navigation = performance.getEntriesByType('navigation')[0];
  return { sections, figures, keyFigures, loadMs: navigation.loadEventEnd - navigation.startTime,
    resources: performance.getEntriesByType('resource').map(r => r.name) };
})()"""

# Clicking the 'score' heading of the first sortable table twice must sort it by score, descending then ascending.
SORT = """(() => {
  const table = document.querySelector('#method table.sortable');
  const column = [...table.tHead.rows[0].cells].findIndex(th => th.textContent.trim() === 'score');
  const read = () => [...table.tBodies[0].rows].map(r => r.cells[column].getAttribute('data-sort')).filter(v => v !== '').map(Number);
  table.tHead.rows[0].cells[column].click();
  const ascending = read();
  table.tHead.rows[0].cells[column].click();
  const descending = read();
  const sorted = (a, up) => a.every((v, i) => i === 0 || (up ? a[i - 1] <= v : a[i - 1] >= v));
  return { rows: ascending.length, ascending: sorted(ascending, true), descending: sorted(descending, false) };
})()"""

POINTS_3D = "[...document.querySelectorAll('svg.scatter3d circle.p3')].slice(0, 20).map(c => c.getAttribute('cx') + ',' + c.getAttribute('cy')).join(' ')"
BOX_3D = "(() => { const r = document.querySelector('svg.scatter3d').getBoundingClientRect(); return [r.x + r.width * 0.3, r.y + r.height * 0.5]; })()"


def check(report, shots):
    failures = []
    binary = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not binary:
        return ["no Chromium found (apt-get install -y chromium, or set CHROMIUM)"]
    os.makedirs(shots, exist_ok=True)
    url = "file://" + os.path.abspath(report)
    size = os.path.getsize(report)
    profile = tempfile.mkdtemp(prefix="report-check-")
    browser = Browser(binary, profile)
    try:
        target = browser.call("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
        browser.session = browser.call("Target.attachToTarget", {"targetId": target, "flatten": True}, session=False)["sessionId"]
        for domain in ["Page", "Runtime", "Log", "Network"]:
            browser.call(f"{domain}.enable")
        browser.call("Network.emulateNetworkConditions", {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
        browser.call("Emulation.setDeviceMetricsOverride", {"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": False})
        browser.call("Page.navigate", {"url": url})
        browser.wait_for("Page.loadEventFired", timeout=30)
        page = browser.evaluate(INSPECT)

        if page["loadMs"] >= LOAD_LIMIT_MS:
            failures.append(f"load took {page['loadMs']:.0f} ms (limit {LOAD_LIMIT_MS} ms)")
        ids = [s["id"] for s in page["sections"]]
        if ids != SECTIONS:
            failures.append(f"sections {ids}, expected {SECTIONS}")
        for s in page["sections"]:
            if s["height"] < 40 or not s["heading"]:
                failures.append(f"section {s['id']} is empty")
        if not page["figures"]:
            failures.append("no figures")
        for f in page["figures"]:
            if f["width"] < 50 or f["height"] < 50 or f["shapes"] < 3:
                failures.append(f"figure {f['chart']} in {f['section']}: svg {f['width']:.0f}x{f['height']:.0f} px with {f['shapes']} shapes")
        if not isinstance(page["keyFigures"], dict) or not page["keyFigures"].get("leaderboard"):
            failures.append(f"key figures block: {str(page['keyFigures'])[:200]}")
        if page["resources"]:
            failures.append(f"resources loaded: {page['resources']}")

        for s in SECTIONS:
            box = browser.evaluate(
                f"(() => {{ const r = document.getElementById('{s}').getBoundingClientRect();"
                f" return {{x: 0, y: r.top + window.scrollY, width: {WIDTH}, height: r.height}}; }})()")
            tiles = max(1, -(-int(box["height"]) // TILE)) if box else 0
            for tile in range(tiles):
                top = box["y"] + tile * TILE
                clip = {"x": 0, "y": top, "width": WIDTH, "height": min(TILE, box["y"] + box["height"] - top)}
                name = f"section-{s}.png" if tiles == 1 else f"section-{s}-{tile + 1}.png"
                browser.screenshot(os.path.join(shots, name), clip)
        browser.screenshot(os.path.join(shots, "page.png"))
        pdf = base64.b64decode(browser.call("Page.printToPDF", {"printBackground": False}, timeout=60)["data"])
        with open(os.path.join(shots, "report.pdf"), "wb") as f:
            f.write(pdf)
        pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
        if pages < len(SECTIONS):
            failures.append(f"printed on {pages} pages; each of the {len(SECTIONS)} sections should start a page")

        sort = browser.evaluate(SORT)
        if not (sort["ascending"] and sort["descending"]):
            failures.append(f"sorting the leaderboard by score: {sort}")

        before = browser.evaluate(POINTS_3D)
        if before:
            x, y = browser.evaluate(BOX_3D)
            browser.evaluate(f"window.scrollTo(0, {y} + window.scrollY - {HEIGHT / 2})")
            x, y = browser.evaluate(BOX_3D)
            browser.call("Input.dispatchMouseEvent", {"type": "mousePressed", "x": x, "y": y, "button": "left", "clickCount": 1})
            for step in range(1, 6):
                browser.call("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x + 12 * step, "y": y + 4 * step, "button": "left", "buttons": 1})
            browser.call("Input.dispatchMouseEvent", {"type": "mouseReleased", "x": x + 60, "y": y + 20, "button": "left", "clickCount": 1})
            if browser.evaluate(POINTS_3D) == before:
                failures.append("dragging the 3-D scatter did not turn it")
        browser.evaluate("window.scrollTo(0, 0)")

        requests = [e["params"]["request"]["url"] for e in browser.events if e.get("method") == "Network.requestWillBeSent"]
        others = [r for r in requests if r != url and not r.startswith("data:")]
        if others:
            failures.append(f"network requests: {others}")
        for e in browser.events:
            method, params = e.get("method"), e.get("params", {})
            if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                failures.append("console error: " + " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", [])))
            elif method == "Runtime.exceptionThrown":
                failures.append(f"exception: {params['exceptionDetails'].get('text')}")
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                failures.append(f"log error: {params['entry'].get('text')}")
        charts = sorted({f["chart"] for f in page["figures"]})
        print(f"report-check: {report}: {size / 1e6:.2f} MB, loaded in {page['loadMs']:.0f} ms, {len(page['figures'])} figures "
              f"({', '.join(charts)}), {len(requests)} request(s), screenshots in {shots}")
    finally:
        browser.close()
        shutil.rmtree(profile, ignore_errors=True)
    return failures


def main():
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    failures = check(sys.argv[1], sys.argv[2])
    for failure in failures:
        print("report-check: FAIL " + failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
