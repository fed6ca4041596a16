"""Browser budget: Lighthouse (mobile) performance ≥ 95 and accessibility 100 in Debian's Chromium.

Usage: python -m bench.lighthouse
Starts gunicorn on 127.0.0.1 with a throw-away demo database and runs Lighthouse (npm package,
through npx) against five pages, anonymous and as a resident. Exit 0 when every page is OK, 1 when
one is OVER, 2 when Node/npx or Chromium is missing.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.bench_throughput import HOST, gunicorn, make_database, resident_cookie

LIGHTHOUSE = "lighthouse@12"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run --no-default-browser-check"
)
BUDGET_PERFORMANCE = 95
BUDGET_ACCESSIBILITY = 100
TIMEOUT = 180  # seconds per page


def pages() -> list[tuple[str, str, str]]:
    """Return (label, who, path) for the pages to measure."""
    return [
        ("start page", "visitor", "/"),
        ("public neighbourhood page", "visitor", "/wijk/kapelakker/"),
        ("code login", "visitor", "/aanmelden/code/"),
        ("resident home (Youssef)", "youssef", "/wijk/kapelakker/thuis/"),
        ("say it (Sanne, Molenveld)", "sanne", "/wijk/molenveld/zeg-het/"),
    ]


def lighthouse(url: str, session_id: str | None, out: Path) -> dict:
    argv = [
        "npx", "--yes", LIGHTHOUSE, url,
        f"--chrome-flags={CHROME_FLAGS}",
        "--only-categories=performance,accessibility",
        "--form-factor=mobile", "--disable-full-page-screenshot",
        "--output=json", f"--output-path={out}", "--quiet",
    ]  # fmt: skip
    if session_id:
        argv.append("--extra-headers=" + json.dumps({"Cookie": f"sessionid={session_id}"}))
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    for _attempt in range(2):  # Chromium in a container fails to start now and then: one retry
        done = subprocess.run(argv, env=env, timeout=TIMEOUT, capture_output=True, text=True)
        if not done.returncode:
            break
    if done.returncode:
        raise RuntimeError(f"lighthouse failed on {url}:\n{done.stderr[-3000:]}")
    return json.loads(out.read_text())


def costly(report: dict, category: str, limit: int = 4) -> list[str]:
    """The audits of a category that cost points, worst first."""
    refs = report["categories"][category]["auditRefs"]
    lost = []
    for ref in refs:
        audit = report["audits"][ref["id"]]
        score = audit.get("score")
        if ref["weight"] and score is not None and score < 1:
            shown = audit.get("displayValue", "")
            lost.append((ref["weight"] * (1 - score), f"{audit['id']} ({score:.2f}) {shown}"))
    return [text for _, text in sorted(lost, reverse=True)[:limit]]


def main() -> int:
    if not shutil.which("npx"):
        print("npx is missing: install Node.js ≥ 18 (`apt-get install nodejs npm`).")
        return 2
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} is missing: install it with `apt-get install chromium`.")
        return 2
    env = make_database()
    server = gunicorn(env)
    failures = 0
    folder = Path(tempfile.mkdtemp(prefix="samen-lighthouse-"))
    try:
        cookies = {
            "visitor": None,
            "youssef": resident_cookie(server.base, "KAPE-AKR3", "Youssef"),
            "sanne": resident_cookie(server.base, "MNVE-7D4K", "Sanne"),
        }
        print(f"{'page':<30}{'performance':>12}{'accessibility':>15}")
        for n, (label, who, path) in enumerate(pages()):
            url = f"http://{HOST}:{server.port}{path}"
            report = lighthouse(url, cookies[who], folder / f"{n}.json")
            final = report.get("finalDisplayedUrl", url)
            assert final.rstrip("/").endswith(path.rstrip("/")), f"{path} ended on {final}"
            perf = round(report["categories"]["performance"]["score"] * 100)
            a11y = round(report["categories"]["accessibility"]["score"] * 100)
            ok = perf >= BUDGET_PERFORMANCE and a11y >= BUDGET_ACCESSIBILITY
            failures += not ok
            print(f"{label:<30}{perf:>12}{a11y:>15}  {'OK' if ok else 'OVER'}")
            if not ok:
                for category in ("performance", "accessibility"):
                    for line in costly(report, category):
                        print(f"    {category}: {line}")
    finally:
        server.stop()
    print(
        f"\n(budget: performance ≥ {BUDGET_PERFORMANCE}, accessibility {BUDGET_ACCESSIBILITY}; "
        f"reports in {folder})"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
