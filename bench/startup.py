#!/usr/bin/env python3
"""Start-up of the packaged service, several ways side by side (a script, not a test).

Makes a data folder once (the first way's jar on a fresh folder, the catalog imported, stopped),
then starts each way on that existing folder in turn, round after round, and times the first
answer to GET /api/v1/talks?limit=1 from the moment the process is launched; then the resident
memory at that point. Ways alternate within each round, so a noisy machine weighs on all alike;
the table gives medians, and each way's time as a ratio to the first way's.

A way is NAME=JAVA|APP_DIR|JVM_FLAGS (JAVA a java executable, APP_DIR a quarkus-app folder).
Each is measured with the service on one core (taskset -c 0) and on all.

Usage: python3 bench/startup.py CATALOG ROUNDS WAY [WAY ...]
  python3 bench/startup.py ../shared/catalog/pyvideo-public.json 5 \\
    "jdk17=java|target/quarkus-app|" \\
    "jdk25-aot=/path/to/jdk-25/bin/java|/tmp/aot/quarkus-app|-XX:AOTCache=/tmp/aot/quarkus-app/app.aot"
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PORT = int(os.environ.get("PODIUM_BENCH_PORT", "18095"))
KEY = os.path.join(ROOT, "dev-keys", "public.pem")


def parse(way):
    name, _, rest = way.partition("=")
    java, app, flags = rest.split("|", 2)
    return name, java, os.path.abspath(app), flags.split()


def answers(path, timeout=2):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{PORT}{path}", timeout=timeout) as r:
            return r.status == 200
    except OSError:
        return False


def start(java, app, flags, data, cores):
    env = dict(os.environ, PODIUM_DATA_DIR=data, QUARKUS_HTTP_PORT=str(PORT),
               MP_JWT_VERIFY_PUBLICKEY_LOCATION=KEY, MP_JWT_VERIFY_ISSUER="urn:podium:dev-only")
    log = open(os.path.join(os.path.dirname(data), "log"), "a")
    began = time.perf_counter()
    proc = subprocess.Popen(["taskset", "-c", cores, java, *flags, "-jar", os.path.join(app, "quarkus-run.jar")],
                            env=env, stdout=log, stderr=subprocess.STDOUT)
    while not answers("/api/v1/talks?limit=1"):
        if proc.poll() is not None or time.perf_counter() - began > 180:
            sys.exit(f"{java} {app} did not answer (log: {os.path.dirname(data)}/log)")
        time.sleep(0.01)
    first = time.perf_counter() - began
    with open(f"/proc/{proc.pid}/status") as f:
        rss = next(int(line.split()[1]) // 1024 for line in f if line.startswith("VmRSS:"))
    return proc, first, rss


def stop(proc):
    proc.terminate()
    proc.wait(120)


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    catalog, rounds, ways = sys.argv[1], int(sys.argv[2]), [parse(w) for w in sys.argv[3:]]
    work = tempfile.mkdtemp(prefix="podium-startup-")
    data = os.path.join(work, "data")
    token = subprocess.run([os.path.join(ROOT, "scripts", "token.sh"), "admin", "3600"],
                           capture_output=True, text=True, check=True).stdout.strip()
    _, java, app, flags = ways[0]
    proc, _, _ = start(java, app, flags, data, f"0-{os.cpu_count() - 1}")
    with open(catalog, "rb") as f:
        request = urllib.request.Request(f"http://127.0.0.1:{PORT}/api/v1/catalog", data=f.read(), method="POST",
                                         headers={"Content-Type": "application/json",
                                                  "Authorization": f"Bearer {token}"})
    urllib.request.urlopen(request, timeout=600).read()
    stop(proc)

    cores = {"one core": "0", "all cores": f"0-{os.cpu_count() - 1}"}
    times = {(w[0], c): [] for w in ways for c in cores}
    rss = {(w[0], c): [] for w in ways for c in cores}
    print(f"machine: {os.cpu_count()} cores; catalog: {os.path.basename(catalog)}; {rounds} rounds")
    for r in range(rounds):
        for label, mask in cores.items():
            for name, java, app, flags in ways:
                proc, first, kb = start(java, app, flags, data, mask)
                stop(proc)
                times[(name, label)].append(first)
                rss[(name, label)].append(kb)
                print(f"round {r + 1} {label:9} {name:14} first answer {first:5.2f} s, RSS {kb} MB", flush=True)
    print(f"\n{'way':14} {'cores':9} {'first answer':>13} {'ratio':>6} {'RSS':>7}")
    for label in cores:
        base = statistics.median(times[(ways[0][0], label)])
        for name, *_ in ways:
            t = statistics.median(times[(name, label)])
            m = statistics.median(rss[(name, label)])
            print(f"{name:14} {label:9} {t:11.2f} s {t / base:6.2f} {m:4.0f} MB")
    subprocess.run(["rm", "-rf", work])


if __name__ == "__main__":
    main()
