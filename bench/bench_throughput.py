"""Server-time budget: the paged household list versus a bare Django view of the same size.

Usage: python -m bench.bench_throughput [--seconds 10]
DESIGN.md: "a list page of 2,000 items (paged) serves at least half the throughput of a bare
Django view that renders a template of the same size with no database, measured in one run on
the same machine under gunicorn with two workers (wrk, loopback only)".
Only 127.0.0.1 receives load. Exit 0 when OK, 1 when OVER, 2 when wrk is missing.
"""

import http.cookiejar
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

HOST = "127.0.0.1"
ROOT = Path(__file__).resolve().parent.parent
BARE_TEMPLATE = Path(__file__).resolve().parent / "bare_templates" / "bare.html"
LIST_URL = "/wijk/kapelakker/huishoudens/"
BUDGET_RATIO = 0.5


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def make_database() -> dict[str, str]:
    """Create a throw-away demo database; return the environment for servers using it."""
    folder = Path(tempfile.mkdtemp(prefix="samen-bench-"))
    env = dict(os.environ)
    env.update(
        DATABASE_URL=f"sqlite:///{folder / 'bench.sqlite3'}",
        TASKS_BACKEND="immediate",
        DJANGO_SETTINGS_MODULE="samen.settings",
        DEBUG="1",  # static files from the source folders, no collectstatic
        SECRET_KEY="bench-only-not-secret-" + "x" * 40,
        ALLOWED_HOSTS="127.0.0.1,localhost",
    )
    code = (
        "import django; django.setup()\n"
        "from django.core.management import call_command\n"
        "call_command('migrate', '--no-input', verbosity=0)\n"
        "call_command('load_demo', '--quiet', verbosity=0)\n"
    )
    if os.environ.get("SAMEN_BENCH_GROW", "1") == "1":
        code += (
            "from bench.scale import grow_neighbourhood\n"
            "from samen.neighbourhoods.models import Neighbourhood\n"
            "k = Neighbourhood.objects.get(slug='kapelakker')\n"
            "grow_neighbourhood(neighbourhood=k, households=1952)\n"
            "print(k.households.count())\n"
        )
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=ROOT, check=True, capture_output=True, text=True
    )
    if os.environ.get("SAMEN_BENCH_GROW", "1") == "1":
        print(f"(Kapelakker has {done.stdout.split()[-1]} households)")
    return env


class Server:
    """A server subprocess on 127.0.0.1, stopped by its own process id."""

    def __init__(self, argv: list[str], env: dict[str, str], port: int) -> None:
        self.port = port
        self.log = tempfile.TemporaryFile()  # noqa: SIM115 (closed with the process)
        self.process = subprocess.Popen(
            argv,
            env=env,
            cwd=ROOT,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.log.seek(0)
                raise RuntimeError(f"server stopped: {self.log.read().decode()[-2000:]}")
            try:
                with socket.create_connection((HOST, port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("server did not start within 30 s")

    @property
    def base(self) -> str:
        return f"http://{HOST}:{self.port}"

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)  # its own process group only
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(5)


def gunicorn(env: dict[str, str], settings: str = "samen.settings") -> Server:
    port = free_port()
    env = dict(env, DJANGO_SETTINGS_MODULE=settings)
    argv = [
        str(Path(sys.executable).with_name("gunicorn")), "samen.wsgi:application",
        "--workers", "2", "--bind", f"{HOST}:{port}", "--log-level", "warning",
    ]  # fmt: skip
    return Server(argv, env, port)


def session(base: str) -> tuple[urllib.request.OpenerDirector, http.cookiejar.CookieJar]:
    jar = http.cookiejar.CookieJar()
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar)), jar


def _csrf(html: str) -> str:
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert found, "no CSRF token on the form"
    return found.group(1)


def post_form(opener, url: str, fields: dict[str, str]) -> str:  # type: ignore[no-untyped-def]
    html = opener.open(url, timeout=30).read().decode()
    data = urllib.parse.urlencode({"csrfmiddlewaretoken": _csrf(html), **fields}).encode()
    request = urllib.request.Request(url, data=data, headers={"Referer": url})
    with opener.open(request, timeout=30) as response:
        return response.read().decode()


def cookie(jar: http.cookiejar.CookieJar, name: str = "sessionid") -> str:
    for c in jar:
        if c.name == name:
            return c.value
    raise RuntimeError(f"no {name} cookie: the login failed")


def staff_cookie(base: str) -> str:
    opener, jar = session(base)
    post_form(
        opener, f"{base}/aanmelden/medewerker/",
        {"username": "lotte@buurtwerk.example", "password": "kapelakker2021"},
    )  # fmt: skip
    return cookie(jar)


def resident_cookie(base: str, code: str, name: str) -> str:
    """Log in with a household code, then pick the resident called `name`."""
    opener, jar = session(base)
    html = post_form(opener, f"{base}/aanmelden/code/", {"code": code})
    for value, label in re.findall(r'name="resident" value="(\d+)">([^<]*)<', html):
        if name in label:
            post_form(opener, f"{base}/aanmelden/code/wie/", {"resident": value})
            return cookie(jar)
    raise RuntimeError(f"no resident {name} on the household page")


def wrk(url: str, session_id: str | None, seconds: int) -> float:
    argv = ["wrk", "-t2", "-c8", f"-d{seconds}s", "--timeout", "10s"]
    if session_id:
        argv += ["-H", f"Cookie: sessionid={session_id}"]
    assert urllib.parse.urlsplit(url).hostname == HOST  # loopback only
    done = subprocess.run([*argv, url], capture_output=True, text=True, timeout=seconds + 60)
    print(done.stdout.rstrip())
    if "Non-2xx" in done.stdout or done.returncode:
        raise RuntimeError(f"wrk saw errors: {done.stdout}{done.stderr}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", done.stdout).group(1))


def main(argv: list[str]) -> int:
    seconds = int(argv[argv.index("--seconds") + 1]) if "--seconds" in argv else 10
    seconds = max(1, min(seconds, 60))
    if not shutil.which("wrk"):
        print("wrk is missing: install it with `apt-get install wrk` (Debian/Ubuntu).")
        return 2
    env = make_database()
    server = gunicorn(env)
    try:
        sid = staff_cookie(server.base)
        opener, _ = session(server.base)
        request = urllib.request.Request(
            server.base + LIST_URL, headers={"Cookie": f"sessionid={sid}"}
        )
        page = opener.open(request, timeout=30).read()
        BARE_TEMPLATE.parent.mkdir(exist_ok=True)
        BARE_TEMPLATE.write_bytes(page)  # same bytes, rendered by the template engine
        print(f"\n== household list ({len(page)} bytes) under gunicorn, two workers")
        listed = wrk(server.base + LIST_URL, sid, seconds)
    finally:
        server.stop()
    bare_server = gunicorn(env, settings="bench.bare")
    try:
        body = urllib.request.urlopen(bare_server.base + "/", timeout=30).read()
        print(f"\n== bare view ({len(body)} bytes, no database) under gunicorn, two workers")
        bare = wrk(bare_server.base + "/", None, seconds)
    finally:
        bare_server.stop()
    ratio = listed / bare
    ok = ratio >= BUDGET_RATIO
    print("\n== budget")
    print(
        f"server time  list {listed:.1f} req/s, bare {bare:.1f} req/s, ratio {ratio:.2f} "
        f"(≥ {BUDGET_RATIO})  {'OK' if ok else 'OVER'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
