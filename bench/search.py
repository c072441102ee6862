#!/usr/bin/env python3
"""Search latency benchmark (a script, not a test).

Starts the packaged jar on a fresh data folder, imports a catalog, times an index rebuild, then
measures on loopback with wrk (closed loop, one connection per client), after a warm-up:
  - a floor: GET /q/health/live, which does no work (the baseline of the ratios);
  - /api/v1/search with a mixed query set (one word, several words, phrase, typo, exclusion,
    filters), facets and highlights always on, 20 hits a page, at 1 and 8 clients;
  - the same with varied queries: two words of a talk title each, every fourth with two letters
    swapped, 5,000 of them for each run of wrk and others for the next, so that a query seldom
    repeats and the index's caches of hits' stored fields and of typo alternatives seldom help
    (the twelve queries of the mixed set are soon served from them);
  - /api/v1/search/suggest with prefixes as typed, at 1 and 8 clients.
Each case runs for several rounds; the table gives the median of the rounds, and each latency as
a ratio to the floor measured in the same round. wrk runs on the last core (taskset), the server
on all of them. The response cache is off, so every request is searched: these are the figures of
the index, not of memory (bench/compare.py measures the service as it runs, cache and all).

Usage: python3 bench/search.py [catalog.json] [seconds-per-case] [rounds]
       (PODIUM_BENCH_APP=/path/to/quarkus-app for a build other than target/quarkus-app)
Needs: the packaged jar (./mvnw package -DskipTests), wrk (apt-get install wrk).
"""
import http.client
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CATALOG = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "catalog", "pyvideo-public.json")
SECONDS = int(sys.argv[2]) if len(sys.argv) > 2 else 10
ROUNDS = int(sys.argv[3]) if len(sys.argv) > 3 else 3
PORT = int(os.environ.get("PODIUM_BENCH_PORT", "18091"))
# PODIUM_BENCH_APP measures another build, such as the one before a change.
JAR = os.path.join(os.environ.get("PODIUM_BENCH_APP", os.path.join(ROOT, "target", "quarkus-app")), "quarkus-run.jar")

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
VARIED = 5000  # queries a run of wrk gets (wrk starts again at the first when it has sent them)


def varied_queries(catalog):
    """Queries drawn from the catalog's talk titles, in a fixed order: each two neighbouring words
    of four or more letters, every fourth with two inner letters of a long word swapped."""
    import random
    rng = random.Random(20113)
    with open(catalog, encoding="utf-8") as f:
        titles = [t["title"] for t in json.load(f)["talks"]]
    queries, seen = [], set()
    for title in titles:
        words = [w for w in re.findall(r"[A-Za-z]+", title) if len(w) >= 4]
        for a, b in zip(words, words[1:]):
            q = (a + " " + b).lower()
            if q not in seen:
                seen.add(q)
                queries.append(q)
    rng.shuffle(queries)
    for i in range(0, len(queries), 4):
        words = queries[i].split(" ")
        long = [j for j, w in enumerate(words) if len(w) >= 5]
        if long:
            j = long[0]
            w = words[j]
            k = rng.randrange(1, len(w) - 2)
            words[j] = w[:k] + w[k + 1] + w[k] + w[k + 2:]
            queries[i] = " ".join(words)
    return queries

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


# Latency as each request sees it, timed in the wrk script with the monotonic clock. wrk's own
# latency figures fail Little's law here (at one connection their mean exceeds the time between
# responses; see wg/wrk#114 and #438), so they are not used. Each wrk thread drives one connection
# and keeps a histogram (10 us steps to 10 ms, 100 us to 100 ms, then 1 ms) in numbered globals,
# which done() reads back from every thread.
TIMING = """
local ffi = require("ffi")
ffi.cdef[[ typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
           int clock_gettime(int, bench_timespec *); ]]
local ts = ffi.new("bench_timespec")
local function now_us() ffi.C.clock_gettime(1, ts); return tonumber(ts.tv_sec) * 1e6 + tonumber(ts.tv_nsec) / 1e3 end
local started = 0
count, total, top = 0, 0, 0
local function bucket(us)
  if us < 10000 then return math.floor(us / 10) end
  if us < 100000 then return 1000 + math.floor((us - 10000) / 100) end
  return math.min(1900 + math.floor((us - 100000) / 1000), 11900)
end
local function upper(b)
  if b < 1000 then return (b + 1) * 10 end
  if b < 1900 then return 10000 + (b - 999) * 100 end
  return 100000 + (b - 1899) * 1000
end
response = function()
  local us = now_us() - started
  local b = bucket(us)
  local name = "b" .. b
  _G[name] = (_G[name] or 0) + 1
  count, total, top = count + 1, total + us, math.max(top, b)
end
local threads = {}
setup = function(thread) table.insert(threads, thread) end
done = function()
  local counts, n, sum, last = {}, 0, 0, 0
  for _, t in ipairs(threads) do
    n, sum, last = n + t:get("count"), sum + t:get("total"), math.max(last, t:get("top"))
    for b = 0, t:get("top") do counts[b] = (counts[b] or 0) + (t:get("b" .. b) or 0) end
  end
  local function percentile(p)
    local seen = 0
    for b = 0, last do
      seen = seen + (counts[b] or 0)
      if seen >= n * p then return upper(b) / 1000 end
    end
    return upper(last) / 1000
  end
  io.write(string.format("timed n=%d mean=%.3f p50=%.3f p99=%.3f\\n", n, sum / math.max(n, 1) / 1000,
                         percentile(0.5), percentile(0.99)))
end
"""


def lua(paths, folder, name, etags=None, headers=None):
    """A wrk script that sends the paths in turn, each connection starting elsewhere, and times
    each request (TIMING); with etags, each request revalidates its path with If-None-Match; every
    request carries the headers given."""
    script = os.path.join(folder, name + ".lua")
    quoted = ",\n".join('  "' + p.replace('"', '\\"') + '"' for p in paths)
    tags = ",\n".join("  '" + e + "'" for e in (etags or []))
    fixed = "".join(f"['{k}'] = '{v}', " for k, v in (headers or {}).items())
    header = "{" + fixed + ("['If-None-Match'] = tags[n]" if etags else "") + "}"
    with open(script, "w") as f:
        f.write(TIMING +
                "local paths = {\n" + quoted + "\n}\n"
                "local tags = {\n" + tags + "\n}\n"
                "local n = 0\n"
                "init = function(args) n = math.random(#paths) end\n"
                "request = function()\n"
                "  n = n % #paths + 1\n"
                "  started = now_us()\n"
                "  return wrk.format('GET', paths[n], " + header + ")\n"
                "end\n")
    return script


def wrk(script, clients, seconds, port=None, strict=True):
    """Runs wrk on the script, one thread per connection so that the script can time each request;
    a measured run (strict) fails on any error or timeout. Returns requests per second and the
    mean, p50 and p99 latency in ms, and Little's law's check of them: rps x mean latency, which
    should come out close to the number of clients."""
    pin = ["taskset", "-c", str(os.cpu_count() - 1)] if shutil.which("taskset") and os.cpu_count() > 1 else []
    out = subprocess.run(pin + ["wrk", f"-t{clients}", f"-c{clients}", f"-d{seconds}s", "--timeout", "10s", "-s", script,
                                f"http://127.0.0.1:{port or PORT}"], capture_output=True, text=True, check=True).stdout
    if strict and ("Non-2xx or 3xx responses" in out or "Socket errors" in out):
        raise RuntimeError("wrk saw errors:\n" + out)
    timed = re.search(r"^timed n=(\d+) mean=([\d.]+) p50=([\d.]+) p99=([\d.]+)$", out, re.M)
    if not timed or int(timed.group(1)) == 0:
        raise RuntimeError("no timings in wrk's output:\n" + out)
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    mean, p50, p99 = (float(timed.group(i)) for i in (2, 3, 4))
    return {"rps": rps, "mean": mean, "p50": p50, "p99": p99, "little": rps * mean / 1000}


def main():
    if not os.path.exists(JAR):
        sys.exit("Build first: ./mvnw package -DskipTests")
    if not shutil.which("wrk"):
        sys.exit("Needs wrk: apt-get install -y wrk")
    data = tempfile.mkdtemp(prefix="podium-bench-")
    env = dict(os.environ, PODIUM_DATA_DIR=data, QUARKUS_HTTP_PORT=str(PORT),
               MP_JWT_VERIFY_PUBLICKEY_LOCATION=os.path.join(ROOT, "dev-keys", "public.pem"),
               MP_JWT_VERIFY_ISSUER="urn:podium:dev-only", PODIUM_RESPONSE_CACHE_ENABLED="false")
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
            "/api/v1/search?q=" + urllib.parse.quote(q) + FILTERED[i % len(FILTERED)] + "&limit=20"
            for i, q in enumerate(QUERIES)
        ]
        suggests = ["/api/v1/search/suggest?q=" + urllib.parse.quote(p) for p in PREFIXES]
        varied = ["/api/v1/search?q=" + urllib.parse.quote(q) + "&limit=20" for q in varied_queries(CATALOG)]
        runs = iter(range(10 ** 6))

        def fresh():
            """A wrk script of varied queries that earlier runs did not send (until all were)."""
            n = next(runs) % (len(varied) // VARIED)
            return lua(varied[n * VARIED:(n + 1) * VARIED], data, f"varied{n}")

        cases = {
            "floor": lua(["/q/health/live"], data, "floor"),
            "search": lua(searches, data, "search"),
            "varied": None,
            "suggest": lua(suggests, data, "suggest"),
        }
        for name, script in cases.items():
            wrk(script or fresh(), 2, max(5, SECONDS), strict=False)

        print(f"machine: {os.cpu_count()} cores, {platform.platform()}; wrk on core {os.cpu_count() - 1}")
        print(f"catalog: {os.path.basename(CATALOG)}: {counts['talks']['created']} talks created, "
              f"import {imported:.1f} s; {documents} documents indexed")
        print(f"rebuild of the index from the database: {rebuild:.2f} s")
        results = {}
        for r in range(ROUNDS):
            for clients in (1, 8):
                for name, script in cases.items():
                    results.setdefault((name, clients), []).append(wrk(script or fresh(), clients, SECONDS))
                floor = results[("floor", clients)][-1]
                line = " ".join(f"{n} p50 {results[(n, clients)][-1]['p50']:.2f} p99 {results[(n, clients)][-1]['p99']:.2f}"
                                for n in cases)
                print(f"round {r + 1}, {clients} clients: {line} (ms)", flush=True)
        print()
        print("| case | clients | req/s | p50 ms | p99 ms | p50 / floor | p99 / floor | req/s x mean |")
        print("|---|---|---|---|---|---|---|---|")
        for clients in (1, 8):
            for name in cases:
                rounds = results[(name, clients)]
                floors = results[("floor", clients)]
                med = {k: statistics.median(x[k] for x in rounds) for k in ("rps", "p50", "p99", "little")}
                r50 = statistics.median(x["p50"] / f["p50"] for x, f in zip(rounds, floors))
                r99 = statistics.median(x["p99"] / f["p99"] for x, f in zip(rounds, floors))
                print(f"| {name} | {clients} | {med['rps']:.0f} | {med['p50']:.2f} | {med['p99']:.2f} "
                      f"| {r50:.1f} | {r99:.1f} | {med['little']:.1f} |")
    finally:
        server.terminate()
        server.wait(30)
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
