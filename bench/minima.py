#!/usr/bin/env python3
"""Compares running Podium servers query by query on a busy machine (a script, not a test).

Sends each query of bench/search.py's mixed set to every server in turn, for several rounds, and
prints the minimum latency per query and server, and their sums: the least disturbed sample is
the closest to the cost of the work when other processes share the cores. Start two builds on
copies of the same data folder first.

Usage: python3 bench/minima.py PORT[,PORT...] [rounds]
"""
import http.client
import os
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from search import FILTERED, QUERIES  # noqa: E402


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    ports = [int(p) for p in sys.argv[1].split(",")]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    paths = ["/api/v1/search?q=" + urllib.parse.quote(q) + FILTERED[i % len(FILTERED)] + "&limit=20"
             for i, q in enumerate(QUERIES)]
    conns = {p: http.client.HTTPConnection("127.0.0.1", p, timeout=60) for p in ports}
    least = {(p, path): float("inf") for p in ports for path in paths}
    for _ in range(rounds):
        for path in paths:
            for p in ports:
                t = time.perf_counter()
                conns[p].request("GET", path)
                response = conns[p].getresponse()
                response.read()
                if response.status != 200:
                    sys.exit(f"port {p}: {path}: HTTP {response.status}")
                least[(p, path)] = min(least[(p, path)], (time.perf_counter() - t) * 1000)
    print(f"{'query':<60}" + "".join(f"{'min ms @' + str(p):>16}" for p in ports))
    for path in paths:
        print(f"{path[15:75]:<60}" + "".join(f"{least[(p, path)]:>16.2f}" for p in ports))
    print(f"{'sum':<60}" + "".join(f"{sum(least[(p, path)] for path in paths):>16.2f}" for p in ports))


if __name__ == "__main__":
    main()
