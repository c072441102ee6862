#!/usr/bin/env python3
"""Writes through one instance and measures how long until another serves the change: its
search finds the slug and a GET of it answers 200 (present), or, after a delete, search no
longer finds it and the GET answers 404 (absent). Prints the seconds from the write's answer to
that moment; exits 1 if the write is refused or LIMIT seconds pass first. Write and watch run in
one process, so the time is the service's, not that of starting a client per check.

Usage: propagation.py METHOD WRITE_URL BODY STATUS WATCH_API WORD PATH present|absent LIMIT
  BODY is JSON or "-" for none; the write carries "Authorization: Bearer $PODIUM_TOKEN".
  e.g. propagation.py POST http://127.0.0.1:18410/api/v1/speakers '{"name":"X zqabc"}' 201 \\
         http://127.0.0.1:18411/api/v1 zqabc /speakers/x-zqabc present 10
"""

import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request


def call(url, method="GET", body=None):
    headers = {}
    if method != "GET":
        headers["Authorization"] = "Bearer " + os.environ["PODIUM_TOKEN"]
    if body is not None:
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(url, data=body, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode(errors="replace")


def main():
    method, write_url, body, status, watch, word, path, state, limit = sys.argv[1:10]
    slug = path.rsplit("/", 1)[-1]
    present = state == "present"
    search = f"{watch}/search?q={urllib.parse.quote(word)}"

    got, answer = call(write_url, method, None if body == "-" else body.encode())
    acknowledged = time.monotonic()
    if got != int(status):
        print(f"{method} {write_url} answered {got}: {answer[:300]}", file=sys.stderr)
        return 1
    while time.monotonic() - acknowledged < float(limit):
        got, answer = call(search)
        found = got == 200 and f'"slug":"{slug}"' in answer
        if found == present and call(watch + path)[0] == (200 if present else 404):
            print(f"{time.monotonic() - acknowledged:.3f}")
            return 0
        time.sleep(0.02)
    return 1


if __name__ == "__main__":
    sys.exit(main())
