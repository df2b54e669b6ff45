"""Finder throughput under gunicorn, as a ratio of a bare Django view's, measured side by side.

Method: build the Zwolle demo in the database named by DATABASE_URL (PostgreSQL for the numbers of
record) with REDIS_URL as the shared cache, start one gunicorn (the Procfile's settings: sync
workers, --no-control-socket) with both the project and a bare view that returns a fixed string,
then load each URL with wrk over loopback in alternating rounds, so both see the same machine state.
Throughput is the median over the rounds; p99 latency comes from wrk's latency distribution.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_finder REDIS_URL=redis://127.0.0.1:6379/5 \\
        .venv/bin/python benchmarks/bench_finder.py [--seconds 10] [--rounds 3]

Goal (issue 3): the finder page for a postcode reaches at least 40% of the bare view's throughput.
"""

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
PYTHON = sys.executable
TARGETS = {
    "bare view (baseline)": "/bench/bare",
    "finder, postcode 8043 AA": "/werkplaatsen/?q=8043+AA",
    "finder, postcode and filters": "/werkplaatsen/?q=8011&open_vandaag=on&taal=nl",
    "werkplaats page": "/werkplaatsen/holtenbroek/",
    # Every request a postcode nobody asked before: no whole-response cache hit, the real work.
    "finder, a new postcode each time": "ROTATE",
}
# wrk picks a random six-character Zwolle postcode per request (21 x 21 letters x 27 areas).
ROTATE_LUA = """
local pc4 = {"8011","8012","8013","8014","8015","8016","8017","8019","8021","8022","8023","8024","8025",
             "8026","8027","8028","8031","8032","8033","8034","8035","8041","8042","8043","8044","8045","8046"}
local letters = "ABCDEFGHJKLMNPRSTVWXZ"
request = function()
  local a, b = math.random(#letters), math.random(#letters)
  local q = pc4[math.random(#pc4)] .. letters:sub(a, a) .. letters:sub(b, b)
  return wrk.format("GET", "/werkplaatsen/?q=" .. q)
end
"""


def _env() -> dict:
    env = dict(os.environ)
    env["DJANGO_SETTINGS_MODULE"] = "bench_settings"
    env["PYTHONPATH"] = f"{BENCH}{os.pathsep}{env.get('PYTHONPATH', '')}"
    env["PDOK_ENABLED"] = "0"
    return env


def _manage(*args: str) -> None:
    env = _env() | {"DEBUG": "1"}  # seed_demo only runs with DEBUG on
    subprocess.run([PYTHON, str(ROOT / "manage.py"), *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def _ensure_database() -> None:
    """Create the benchmark's own PostgreSQL database when it is not there yet."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        return
    import dj_database_url
    import psycopg

    config = dj_database_url.parse(url)
    with psycopg.connect(
        host=config["HOST"], port=config["PORT"] or 5432, user=config["USER"], password=config["PASSWORD"],
        dbname="postgres", autocommit=True,
    ) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]]).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{config["NAME"]}"')


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_until_up(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"gunicorn did not answer at {url}")


def _wrk(url: str, seconds: int, connections: int) -> tuple[float, float]:
    extra = []
    if url.endswith("ROTATE"):
        script = Path(tempfile.gettempdir()) / "werkplaats_bench_rotate.lua"
        script.write_text(ROTATE_LUA)
        url, extra = url.removesuffix("ROTATE"), ["-s", str(script)]
    out = subprocess.run(
        ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", *extra, url],
        capture_output=True, text=True, check=True, timeout=seconds + 30,
    ).stdout
    if "Non-2xx" in out:
        raise SystemExit(f"{url} answered errors under load:\n{out}")
    rps = float(re.search(r"Requests/sec:\s+([0-9.]+)", out).group(1))
    p99_value, unit = re.search(r"99%\s+([0-9.]+)(us|ms|s)", out).groups()
    p99_ms = float(p99_value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
    return rps, p99_ms


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (the machine has 2 cores)")
    parser.add_argument("--connections", type=int, default=8)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install wrk")
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        print("warning: DATABASE_URL is not PostgreSQL; numbers of record use PostgreSQL", file=sys.stderr)

    _ensure_database()
    _manage("migrate", "--noinput")
    _manage("seed_demo", "--force")
    port = _free_port()
    server = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "werkplaats_site.wsgi", "--bind", f"127.0.0.1:{port}", "--workers",
         str(args.workers), "--no-control-socket", "--log-level", "warning"],
        cwd=ROOT, env=_env(),
    )
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_until_up(base + "/bench/bare")
        for path in TARGETS.values():  # warm every worker's caches before measuring
            _wrk(base + path, 2, args.connections)
        results: dict[str, list[tuple[float, float]]] = {name: [] for name in TARGETS}
        for _ in range(args.rounds):
            for name, path in TARGETS.items():
                results[name].append(_wrk(base + path, args.seconds, args.connections))
    finally:
        server.terminate()
        server.wait(timeout=30)

    baseline = statistics.median(r for r, _ in results["bare view (baseline)"])
    print(f"gunicorn {args.workers} sync workers, wrk 1 thread {args.connections} connections, "
          f"{args.rounds} rounds x {args.seconds}s, median throughput; p99 is the worst round's")
    print(f"{'target':32} {'req/s':>9} {'ratio':>7} {'p99 ms':>8}")
    for name, runs in results.items():
        rps = statistics.median(r for r, _ in runs)
        p99 = max(p for _, p in runs)
        print(f"{name:32} {rps:9.0f} {rps / baseline:7.1%} {p99:8.1f}")
    finder = statistics.median(r for r, _ in results["finder, postcode 8043 AA"])
    verdict = "meets" if finder / baseline >= 0.40 else "MISSES"
    print(f"finder/bare = {finder / baseline:.1%}: {verdict} the 40% goal")


if __name__ == "__main__":
    main()
