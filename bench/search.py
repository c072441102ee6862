#!/usr/bin/env python3
"""Search latency benchmark (a script, not a test).

Starts the packaged jar on a fresh data folder, imports a catalog, then measures with closed-loop
clients on loopback, after a warm-up:
  - a floor: GET /q/health/live, which does no work (the baseline of the ratios);
  - /api/v1/search with a mixed query set (one word, several words, phrase, typo, filters),
    facets and highlights always on, at 1 and 8 concurrent clients;
  - /api/v1/search/suggest with prefixes as typed, at 1 and 8 clients;
  - POST /api/v1/admin/reindex: the time to rebuild the index from the database.
Prints p50/p99 per case and each as a ratio to the floor measured in the same run.

Usage: python3 bench/search.py [catalog.json] [seconds-per-case]
Build first: ./mvnw package -DskipTests
"""
import http.client
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CATALOG = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "catalog", "pyvideo-public.json")
SECONDS = float(sys.argv[2]) if len(sys.argv) > 2 else 10.0
PORT = int(os.environ.get("PODIUM_BENCH_PORT", "18091"))
JAR = os.path.join(ROOT, "target", "quarkus-app", "quarkus-run.jar")

QUERIES = [
    "python",                       # one word
    "testing",
    "machine learning",             # several words
    "web scraping with python",
    "asyncio event loop",
    '"data science"',               # phrase
    '"type hints"',
    "djnago",                       # typos
    "concurency",
    "pandsa dataframe",
    "python -django",               # exclusion
    "security",
]
FILTERED = ["&type=talk", "&year=2019", "&type=talk&type=speaker", ""]
PREFIXES = ["py", "pyth", "djan", "mach", "data sc", "asy", "web", "test", "kub", "flas"]


# The jar trusts the dev-only key for this run; the import and the reindex need an admin token.
TOKEN = subprocess.run([os.path.join(ROOT, "scripts", "token.sh"), "admin", "86400"],
                       capture_output=True, text=True, check=True).stdout.strip()


def request(conn, method, path, body=None):
    headers = {"Content-Type": "application/json"} if body is not None else {}
    if method != "GET":
        headers["Authorization"] = "Bearer " + TOKEN
    conn.request(method, path, body=body, headers=headers)
    response = conn.getresponse()
    data = response.read()
    if response.status != 200:
        raise RuntimeError(f"{method} {path}: HTTP {response.status} {data[:300]!r}")
    return data


def run(paths, clients, seconds):
    """Closed loop: each client sends the next path as soon as the last answer arrives."""
    latencies = []
    lock = threading.Lock()
    stop = time.perf_counter() + seconds

    def client(offset):
        conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
        mine = []
        i = offset
        while time.perf_counter() < stop:
            path = paths[i % len(paths)]
            i += 1
            t = time.perf_counter()
            request(conn, "GET", path)
            mine.append(time.perf_counter() - t)
        conn.close()
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client, args=(k * 7,)) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    latencies.sort()
    q = statistics.quantiles(latencies, n=100, method="inclusive")
    return {"n": len(latencies), "rps": len(latencies) / seconds, "p50": q[49] * 1000, "p99": q[98] * 1000}


def main():
    if not os.path.exists(JAR):
        sys.exit("Build first: ./mvnw package -DskipTests")
    data = tempfile.mkdtemp(prefix="podium-bench-")
    env = dict(os.environ, PODIUM_DATA_DIR=data, QUARKUS_HTTP_PORT=str(PORT),
               MP_JWT_VERIFY_PUBLICKEY_LOCATION=os.path.join(ROOT, "dev-keys", "public.pem"),
               MP_JWT_VERIFY_ISSUER="urn:podium:dev-only")
    log = open(os.path.join(data, "log"), "w")
    server = subprocess.Popen(["java", "-jar", JAR], env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.time() + 120
        while True:
            try:
                request(http.client.HTTPConnection("127.0.0.1", PORT, timeout=2), "GET", "/q/health/ready")
                break
            except Exception:
                if time.time() > deadline:
                    sys.exit("the service did not become ready")
                time.sleep(0.5)
        conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=600)
        with open(CATALOG, "rb") as f:
            body = f.read()
        t = time.perf_counter()
        counts = json.loads(request(conn, "POST", "/api/v1/catalog", body))["counts"]
        imported = time.perf_counter() - t
        t = time.perf_counter()
        documents = json.loads(request(conn, "POST", "/api/v1/admin/reindex", b""))["documents"]
        rebuild = time.perf_counter() - t

        searches = [
            "/api/v1/search?q=" + urllib.parse.quote(q) + f + "&limit=20"
            for i, q in enumerate(QUERIES)
            for f in [FILTERED[i % len(FILTERED)]]
        ]
        suggests = ["/api/v1/search/suggest?q=" + urllib.parse.quote(p) for p in PREFIXES]
        floor = ["/q/health/live"]
        warm = max(3.0, SECONDS / 3)
        for paths in (floor, searches, suggests):
            run(paths, 2, warm)

        print(f"machine: {os.cpu_count()} cores, {platform.platform()}, python {platform.python_version()}")
        print(f"catalog: {os.path.basename(CATALOG)}: {counts['talks']['created']} talks created, "
              f"import {imported:.1f} s; {documents} documents indexed")
        print(f"rebuild of the index from the database: {rebuild:.2f} s")
        print(f"{'case':<18}{'clients':>8}{'req/s':>10}{'p50 ms':>10}{'p99 ms':>10}{'p50 x floor':>13}{'p99 x floor':>13}")
        for clients in (1, 8):
            base = run(floor, clients, SECONDS)
            for name, paths in (("floor (live)", floor), ("search", searches), ("suggest", suggests)):
                r = base if name.startswith("floor") else run(paths, clients, SECONDS)
                print(f"{name:<18}{clients:>8}{r['rps']:>10.0f}{r['p50']:>10.2f}{r['p99']:>10.2f}"
                      f"{r['p50'] / base['p50']:>13.1f}{r['p99'] / base['p99']:>13.1f}")
    finally:
        server.terminate()
        server.wait(30)
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
