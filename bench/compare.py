#!/usr/bin/env python3
"""Podium side by side with nginx serving the same bytes (a script, not a test).

One run, on loopback: the packaged jar (embedded default) with a catalog imported, and nginx
serving the very JSON bytes Podium answered as static files. Both servers are pinned to the
first core, wrk to the last one. After a warm-up, each case runs for several rounds at a fixed
number of connections; the table gives medians and Podium's throughput as a ratio to nginx's:
  detail      GET /api/v1/talks/{slug}
  list        GET /api/v1/talks?limit=20&conference={slug}
  overview    GET /api/v1/topics/{slug}/overview
  search      GET /api/v1/search (mixed queries, facets and highlights)
  revalidate  GET /api/v1/talks/{slug} with If-None-Match, answered 304
Podium is measured twice in each round: as a client without credentials meets it, answered from
the response cache once a path was read, and "uncached", with a token on every request, which
skips that cache, so each request reads the database (or searches the index).
Then: p99 of the detail case against the number of connections (a PNG made with gnuplot, if
installed), the resident memory of the service after the load, and the time the jar takes to
answer its first request when started again on the same data folder.

JVM flags for the service go in JAVA_OPTS, as for the container; JAVA names another java than the
one on the PATH (for example a JDK 25 with the AOT cache of scripts/aot-cache.sh:
JAVA=/path/to/jdk-25/bin/java JAVA_OPTS=-XX:AOTCache=target/quarkus-app/app.aot).

Usage: python3 bench/compare.py [catalog.json] [seconds-per-case] [rounds] [connections] [png]
Needs: the packaged jar (./mvnw package -DskipTests), wrk, nginx (apt-get install wrk nginx-light),
gnuplot for the plot (apt-get install gnuplot-nox).
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
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from search import JAR, QUERIES, FILTERED, ROOT, TOKEN, lua, request, wrk  # noqa: E402

CATALOG = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "catalog", "pyvideo-public.json")
SECONDS = int(sys.argv[2]) if len(sys.argv) > 2 else 10
ROUNDS = int(sys.argv[3]) if len(sys.argv) > 3 else 3
CONNECTIONS = int(sys.argv[4]) if len(sys.argv) > 4 else 32
PNG = sys.argv[5] if len(sys.argv) > 5 else os.path.join(ROOT, "docs", "latency-connections.png")
PORT = int(os.environ.get("PODIUM_BENCH_PORT", "18091"))
NGINX_PORT = PORT + 1
SERVER_CORE = "0"
TARGETS = {"detail": 0.50, "list": 0.30, "overview": 0.30, "search": 0.25, "revalidate": 0.60}


def get(path, headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
    conn.request("GET", path, headers=headers or {})
    r = conn.getresponse()
    body = r.read()
    if r.status != 200:
        raise RuntimeError(f"GET {path}: HTTP {r.status}")
    return body, r.getheader("ETag")


def start_podium(data, env):
    log = open(os.path.join(data, "log"), "a")
    t = time.perf_counter()
    # JVM flags as the container takes them (Dockerfile): JAVA_OPTS, split on spaces.
    flags = os.environ.get("JAVA_OPTS", "").split()
    java = os.environ.get("JAVA", "java")
    server = subprocess.Popen(["taskset", "-c", SERVER_CORE, java, *flags, "-jar", JAR], env=env,
                              stdout=log, stderr=subprocess.STDOUT)
    deadline = time.time() + 180
    while True:
        try:
            get("/api/v1/talks?limit=1")
            return server, time.perf_counter() - t
        except Exception:
            if time.time() > deadline or server.poll() is not None:
                sys.exit("the service did not answer")
            time.sleep(0.02)


def start_nginx(root, folder):
    conf = os.path.join(folder, "nginx.conf")
    with open(conf, "w") as f:
        f.write(f"""daemon off;
worker_processes 1;
worker_cpu_affinity 1;
pid {folder}/nginx.pid;
error_log {folder}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  keepalive_requests 10000000;
  default_type application/json;
  client_body_temp_path {folder}/tmp; proxy_temp_path {folder}/tmp; fastcgi_temp_path {folder}/tmp;
  uwsgi_temp_path {folder}/tmp; scgi_temp_path {folder}/tmp;
  server {{ listen 127.0.0.1:{NGINX_PORT}; root {root}; }}
}}
""")
    os.makedirs(os.path.join(folder, "tmp"), exist_ok=True)
    nginx = subprocess.Popen(["taskset", "-c", SERVER_CORE, "nginx", "-c", conf],
                             stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    time.sleep(1)
    return nginx


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0


def main():
    for tool in ("wrk", "nginx", "taskset"):
        if not shutil.which(tool):
            sys.exit(f"Needs {tool}: apt-get install -y wrk nginx-light")
    if not os.path.exists(JAR):
        sys.exit("Build first: ./mvnw package -DskipTests")
    work = tempfile.mkdtemp(prefix="podium-http-")
    os.chmod(work, 0o755)  # nginx workers read the static files as another user
    data = os.path.join(work, "data")
    root = os.path.join(work, "static")
    os.makedirs(data)
    env = dict(os.environ, PODIUM_DATA_DIR=data, QUARKUS_HTTP_PORT=str(PORT),
               MP_JWT_VERIFY_PUBLICKEY_LOCATION=os.path.join(ROOT, "dev-keys", "public.pem"),
               MP_JWT_VERIFY_ISSUER="urn:podium:dev-only")
    server, _ = start_podium(data, env)
    nginx = None
    try:
        with open(CATALOG, "rb") as f:
            body = f.read()
        conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=900)
        counts = json.loads(request(conn, "POST", "/api/v1/catalog", body))["counts"]

        talks = [t["slug"] for t in json.loads(get("/api/v1/talks?limit=50")[0])["items"]]
        conferences = [c["slug"] for c in json.loads(get("/api/v1/conferences?limit=20")[0])["items"]]
        topics = [t["slug"] for t in json.loads(get("/api/v1/topics?limit=20")[0])["items"]]
        cases = {
            "detail": [f"/api/v1/talks/{s}" for s in talks],
            "list": [f"/api/v1/talks?limit=20&conference={s}" for s in conferences],
            "overview": [f"/api/v1/topics/{s}/overview" for s in topics],
            "search": ["/api/v1/search?q=" + urllib.parse.quote(q) + FILTERED[i % len(FILTERED)] + "&limit=20"
                       for i, q in enumerate(QUERIES)],
        }
        # The same bytes as files for nginx, one per Podium answer; nginx keeps its own ETags.
        static, podium_tags = {}, []
        for name, paths in cases.items():
            os.makedirs(os.path.join(root, name), exist_ok=True)
            static[name] = []
            for i, path in enumerate(paths):
                answer, etag = get(path)
                with open(os.path.join(root, name, f"{i}.json"), "wb") as f:
                    f.write(answer)
                static[name].append(f"/{name}/{i}.json")
                if name == "detail":
                    podium_tags.append(etag)
        nginx = start_nginx(root, work)
        nginx_tags = []
        for path in static["detail"]:
            c = http.client.HTTPConnection("127.0.0.1", NGINX_PORT)
            c.request("GET", path)
            r = c.getresponse()
            r.read()
            if r.status != 200 or not r.getheader("ETag"):
                with open(os.path.join(work, "nginx-error.log")) as log:
                    sys.exit(f"nginx answered {path} with {r.status}:\n{log.read()[-2000:]}")
            nginx_tags.append(r.getheader("ETag"))
        cases["revalidate"] = cases["detail"]
        static["revalidate"] = static["detail"]
        scripts = {}
        signed = {"Authorization": "Bearer " + TOKEN}
        for name in cases:
            tags = (podium_tags, nginx_tags) if name == "revalidate" else (None, None)
            scripts[name] = (lua(cases[name], work, "podium-" + name, tags[0]),
                             lua(static[name], work, "nginx-" + name, tags[1]),
                             lua(cases[name], work, "uncached-" + name, tags[0], signed))

        for name, (podium, static_script, uncached) in scripts.items():  # warm-up
            # One core compiles what it runs: the JIT needs a while before the figures settle.
            wrk(podium, CONNECTIONS, max(10, 2 * SECONDS), strict=False)
            wrk(uncached, CONNECTIONS, max(10, 2 * SECONDS), strict=False)
            wrk(static_script, CONNECTIONS, 3, NGINX_PORT, strict=False)

        print(f"machine: {os.cpu_count()} cores, {platform.platform()}; servers on core {SERVER_CORE}, "
              f"wrk on core {os.cpu_count() - 1}; {CONNECTIONS} connections, {SECONDS} s a case, {ROUNDS} rounds; "
              f"JAVA_OPTS={os.environ.get('JAVA_OPTS', '')!r}")
        version = subprocess.run([os.environ.get("JAVA", "java"), "-version"], capture_output=True, text=True)
        print(f"java: {version.stderr.splitlines()[0]}")
        print(f"catalog: {os.path.basename(CATALOG)}: {counts['talks']['created']} talks")
        results = {}
        for r in range(ROUNDS):
            for name, (podium, static_script, uncached) in scripts.items():
                n = wrk(static_script, CONNECTIONS, SECONDS, NGINX_PORT)
                p = wrk(podium, CONNECTIONS, SECONDS)
                u = wrk(uncached, CONNECTIONS, SECONDS)
                results.setdefault(name, []).append((n, p, u))
                print(f"round {r + 1} {name}: nginx {n['rps']:.0f}/s p99 {n['p99']:.2f} ms, "
                      f"podium {p['rps']:.0f}/s p99 {p['p99']:.2f} ms, "
                      f"uncached {u['rps']:.0f}/s p99 {u['p99']:.2f} ms", flush=True)
        print()
        print("| case | nginx req/s | nginx p50 ms | nginx p99 ms | Podium req/s | Podium p50 ms | Podium p99 ms "
              "| Podium / nginx | target | uncached req/s | uncached p99 ms | uncached / nginx |")
        print("|---|---|---|---|---|---|---|---|---|---|---|---|")
        for name, rounds in results.items():
            med = lambda side, key: statistics.median(x[side][key] for x in rounds)  # noqa: E731
            ratio = lambda side: statistics.median(x[side]["rps"] / x[0]["rps"] for x in rounds)  # noqa: E731
            print(f"| {name} | {med(0, 'rps'):.0f} | {med(0, 'p50'):.2f} | {med(0, 'p99'):.2f} "
                  f"| {med(1, 'rps'):.0f} | {med(1, 'p50'):.2f} | {med(1, 'p99'):.2f} "
                  f"| {ratio(1):.2f} | {TARGETS[name]:.2f} "
                  f"| {med(2, 'rps'):.0f} | {med(2, 'p99'):.2f} | {ratio(2):.3f} |")

        print()
        curve = os.path.join(work, "curve.dat")
        with open(curve, "w") as f:
            f.write("# connections nginx_p99_ms podium_p99_ms\n")
            for c in (1, 2, 4, 8, 16, 32, 64):
                n = wrk(scripts["detail"][1], c, max(3, SECONDS // 2), NGINX_PORT)
                p = wrk(scripts["detail"][0], c, max(3, SECONDS // 2))
                f.write(f"{c} {n['p99']:.3f} {p['p99']:.3f}\n")
                print(f"detail, {c} connections: p99 nginx {n['p99']:.2f} ms, Podium {p['p99']:.2f} ms", flush=True)
        if shutil.which("gnuplot"):
            subprocess.run(["gnuplot", "-e", f"""set terminal png size 800,500; set output '{PNG}';
                set title 'GET /api/v1/talks/{{slug}}: p99 latency against connections';
                set xlabel 'connections'; set ylabel 'p99 ms'; set logscale x 2; set key top left; set grid;
                plot '{curve}' using 1:2 with linespoints title 'nginx, same bytes',
                     '' using 1:3 with linespoints title 'Podium'"""], check=True)
            print(f"plot: {PNG}")

        print(f"resident memory of the service after the load: {rss_mb(server.pid):.0f} MB")
        server.terminate()
        server.wait(60)
        server, first = start_podium(data, env)
        print(f"first answer after a start on the existing data folder: {first:.2f} s")
    finally:
        for proc in (server, nginx):
            if proc and proc.poll() is None:
                proc.terminate()
                proc.wait(60)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
