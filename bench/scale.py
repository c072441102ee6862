#!/usr/bin/env python3
"""Podium at a million talks (a script, not a test).

Takes the folder bench/generate.py writes, starts the packaged jar (embedded default) on a fresh
data folder and measures, on loopback:
  import    each catalog document POSTed in name order, and the time until the index holds all
            of it (readiness: no change behind);
  search    p50 and p99 of the mixed queries of bench/search.py at 1 and 8 clients (wrk), with
            the response cache off so that each request is searched;
  rebuild   POST /api/v1/admin/reindex, which rebuilds the index from the database;
  paging    GET /api/v1/talks?limit=20&topic=T (the busiest topic): the first page, and the 10,000th
            page reached by following the cursors (the walk takes pages of 100 until the last
            few, as a cursor holds a position, not a page size); each timed as the median of
            several requests of the same page, with their ratio (target: within 2x).
  lists     the first page of talk lists by status, year, type, level and video, alone and with
            the busiest topic: the first request of each (cold caches) and the median of several.

Usage: python3 bench/scale.py PARTS_DIR [seconds-per-case]
       PODIUM_SCALE_DATA=folder keeps the data folder; one that already holds the catalog (from an
       earlier run) skips the import. PODIUM_SCALE_PAGE changes the 10,000th page.
       PODIUM_SCALE_CASES=search,rebuild,paging,lists (the default) picks the cases after the import.
       PODIUM_SCALE_WARMUP=seconds of search at 8 clients before search is timed (default: as a case).
       On PostgreSQL: PODIUM_BENCH_APP=the build of the postgres profile (./mvnw package
       -DskipTests -Dquarkus.profile=postgres, copied out of target/) and QUARKUS_DATASOURCE_JDBC_URL,
       _USERNAME, _PASSWORD; a database that already holds talks skips the import.
Needs: the packaged jar (./mvnw package -DskipTests), wrk, and the parts:
       python3 bench/generate.py /tmp/million   (keep them out of the repository)
"""
import http.client
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from search import FILTERED, JAR, QUERIES, ROOT, TOKEN, lua, wrk  # noqa: E402

PARTS = sys.argv[1] if len(sys.argv) > 1 else sys.exit(__doc__)
SECONDS = int(sys.argv[2]) if len(sys.argv) > 2 else 15
DATA = os.environ.get("PODIUM_SCALE_DATA")
PORT = int(os.environ.get("PODIUM_SCALE_PORT", "18095"))
PAGE = 20
TARGET_PAGE = int(os.environ.get("PODIUM_SCALE_PAGE", "10000"))
REPEAT = 7
WARMUP = int(os.environ.get("PODIUM_SCALE_WARMUP", str(SECONDS)))  # seconds of search before the search is timed
CASES = os.environ.get("PODIUM_SCALE_CASES", "search,rebuild,paging,lists").split(",")


def call(method, path, body=None, timeout=3600):
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=timeout)
    headers = {"Authorization": "Bearer " + TOKEN} if method != "GET" else {}
    if body is not None:
        headers["Content-Type"] = "application/json"
    started = time.perf_counter()
    conn.request(method, path, body=body, headers=headers)
    r = conn.getresponse()
    data = r.read()
    took = time.perf_counter() - started
    if r.status not in (200, 503):
        raise RuntimeError(f"{method} {path}: HTTP {r.status} {data[:300]!r}")
    return r.status, data, took


def behind():
    status, data, _ = call("GET", "/q/health/ready")
    for check in json.loads(data).get("checks", []):
        if "changesBehind" in check.get("data", {}):
            left = check["data"]["changesBehind"]
            return status, left if isinstance(left, int) else -1, bool(check["data"].get("rebuilding"))
    return status, -1, False


def median_time(path):
    """The median time of the page at REPEAT different limits (20, 21, ...): H2 answers a query it
    has just run, unchanged and with the same parameters, from its last result, so repeating the
    very same request would time that, not the list."""
    return statistics.median(call("GET", path.replace(f"limit={PAGE}", f"limit={PAGE + i}"))[2] * 1000
                             for i in range(REPEAT))


def lists():
    """The first page of lists whose filters read a column of each talk rather than a topic's or a
    conference's few; the busiest topic and year are taken from the facets of all talks."""
    facets = json.loads(call("GET", "/api/v1/search?q=*&type=talk&limit=1")[1])["facets"]
    topic = max(facets["topic"], key=facets["topic"].get)
    year = max(facets["year"], key=facets["year"].get)
    filters = ["status=upcoming", "status=upcoming&sort=startsAt", "status=past", f"year={year}",
               "type=keynote", "level=advanced", "hasVideo=true", "hasVideo=false",
               f"topic={topic}", f"status=upcoming&topic={topic}", f"year={year}&topic={topic}", f"status=past&topic={topic}",
               f"type=talk&topic={topic}", f"hasVideo=false&topic={topic}"]
    print(f"lists (the busiest topic {topic}, year {year}): first request, then the median of {REPEAT}",
          flush=True)
    for query in filters:
        path = f"/api/v1/talks?{query}&limit={PAGE}"
        _, answer, first = call("GET", path.replace(f"limit={PAGE}", f"limit={PAGE - 1}"))
        total = json.loads(answer)["page"].get("total")
        print(f"  {query}: {total} talks, first {first * 1000:.0f} ms, then {median_time(path):.1f} ms",
              flush=True)


def main():
    data = DATA or tempfile.mkdtemp(prefix="podium-scale-")
    os.makedirs(data, exist_ok=True)
    env = dict(os.environ, PODIUM_DATA_DIR=data, QUARKUS_HTTP_PORT=str(PORT), PODIUM_DEMO_DATA="false",
               PODIUM_RESPONSE_CACHE_ENABLED="false",
               MP_JWT_VERIFY_PUBLICKEY_LOCATION=os.path.join(ROOT, "dev-keys", "public.pem"),
               MP_JWT_VERIFY_ISSUER="urn:podium:dev-only")
    flags = os.environ.get("JAVA_OPTS", "").split()
    log = open(os.path.join(data, "log"), "a")
    java = os.environ.get("JAVA", "java")  # another java than the one on the PATH
    server = subprocess.Popen([java, *flags, "-jar", JAR], env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.time() + 3600  # a start may first migrate a big database
        while True:
            try:
                call("GET", "/q/health/live", timeout=2)
                break
            except (OSError, http.client.HTTPException):
                if time.time() > deadline or server.poll() is not None:
                    sys.exit("the service did not start")
                time.sleep(0.5)
        version = subprocess.run([java, "-version"], capture_output=True, text=True).stderr.splitlines()[0]
        print(f"machine: {os.cpu_count()} cores, {platform.platform()}; {version}; JAVA_OPTS={' '.join(flags)!r}")
        print(f"data folder: {data}")

        # Empty: a new data folder, or a new PostgreSQL database (QUARKUS_DATASOURCE_* in the environment).
        fresh = json.loads(call("GET", "/api/v1/talks?limit=1")[1])["page"]["total"] == 0
        if fresh:
            began = time.perf_counter()
            for name in sorted(os.listdir(PARTS)):
                with open(os.path.join(PARTS, name), "rb") as f:
                    body = f.read()
                _, answer, took = call("POST", "/api/v1/catalog", body)
                counts = json.loads(answer)["counts"]
                print(f"import {name}: {len(body) / 1e6:.0f} MB, {counts['talks']['created']} talks, "
                      f"{counts['speakers']['created']} speakers, {took:.1f} s", flush=True)
            answered = time.perf_counter() - began
            while True:
                status, left, rebuilding = behind()
                if status == 200 and left == 0 and not rebuilding:
                    break
                time.sleep(1)
            print(f"import: every document answered after {answered:.0f} s, "
                  f"all of it searchable after {time.perf_counter() - began:.0f} s", flush=True)

        if not fresh:
            # A kept folder may need its index rebuilt (another schema) or caught up first.
            began = time.perf_counter()
            while True:
                status, left, rebuilding = behind()
                if status == 200 and left == 0 and not rebuilding:
                    break
                time.sleep(1)
            print(f"index ready {time.perf_counter() - began:.0f} s after the start answered", flush=True)

        if "search" in CASES:
            work = tempfile.mkdtemp(prefix="podium-scale-wrk-")
            searches = ["/api/v1/search?q=" + urllib.parse.quote(q) + FILTERED[i % len(FILTERED)] + "&limit=20"
                        for i, q in enumerate(QUERIES)]
            script = lua(searches, work, "search")
            wrk(script, 8, WARMUP, PORT, strict=False)  # warm-up
            for clients in (1, 8):
                r = wrk(script, clients, SECONDS, PORT)
                print(f"search, {clients} clients: {r['rps']:.0f} req/s, p50 {r['p50']:.1f} ms, "
                      f"p99 {r['p99']:.1f} ms (target at 8: at most 50 ms)", flush=True)
        if "rebuild" in CASES:
            _, answer, _ = call("GET", "/api/v1/talks?limit=1")
            total = json.loads(answer)["page"]["total"]
            _, answer, took = call("POST", "/api/v1/admin/reindex")
            print(f"rebuild: {json.loads(answer)['documents']} documents in {took:.0f} s ({total} talks)", flush=True)

        if "paging" in CASES:
            _, answer, _ = call("GET", "/api/v1/search?q=*&type=talk&limit=1")
            topics = json.loads(answer)["facets"]["topic"]
            topic = max(topics, key=topics.get)
            base = f"/api/v1/talks?topic={topic}"
            first = base + f"&limit={PAGE}"
            print(f"paging: {base}, {topics[topic]} talks, {topics[topic] // PAGE} pages of {PAGE}", flush=True)
            first_ms = median_time(first)
            began = time.perf_counter()
            cursor, position, requests = None, 0, 0
            while position < (TARGET_PAGE - 1) * PAGE:
                size = 100 if (TARGET_PAGE - 1) * PAGE - position >= 100 else PAGE
                path = base + f"&limit={size}" + ("&cursor=" + urllib.parse.quote(cursor) if cursor else "")
                page = json.loads(call("GET", path)[1])
                position += len(page["items"])
                cursor = page["page"]["next"]
                requests += 1
                if cursor is None:
                    sys.exit(f"the list ended after {position} talks")
            target = base + f"&limit={PAGE}&cursor=" + urllib.parse.quote(cursor)
            items = json.loads(call("GET", target)[1])["items"]
            print(f"walked to page {TARGET_PAGE} in {requests} requests, {time.perf_counter() - began:.0f} s; "
                  f"it starts with talk {position + 1}: {items[0]['slug'] if items else None}")
            print(f"page {TARGET_PAGE}: {target}", flush=True)
            last_ms = median_time(target)
            warm_ms = median_time(first)
            print(f"page 1: {first_ms:.1f} ms right after the start, {warm_ms:.1f} ms after the walk; "
                  f"page {TARGET_PAGE}: {last_ms:.1f} ms (medians of {REPEAT}), ratio to page 1 after the walk "
                  f"{last_ms / warm_ms:.2f} (target at most 2)", flush=True)
            conferences = json.loads(answer)["facets"]["conference"]
            conference = max(conferences, key=conferences.get)
            by_conference = f"/api/v1/talks?conference={conference}&limit={PAGE}"
            print(f"{by_conference} ({conferences[conference]} talks): first page "
                  f"{median_time(by_conference):.1f} ms (median of {REPEAT})", flush=True)

        if "lists" in CASES:
            lists()

        with open(f"/proc/{server.pid}/status") as f:
            rss = next(int(line.split()[1]) // 1024 for line in f if line.startswith("VmRSS:"))
        print(f"resident memory: {rss} MB; database and index: "
              f"{sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(data) for f in fs) / 1e9:.1f} GB")
    finally:
        server.terminate()
        server.wait(120)


if __name__ == "__main__":
    main()
