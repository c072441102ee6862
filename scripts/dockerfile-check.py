#!/usr/bin/env python3
"""Checks the Dockerfile where no Docker engine runs.

1. Static rules for the image: a multi-stage build whose build stage packages the PostgreSQL
   build with the Maven wrapper; a final stage on a JRE 21 or newer, running as a non-root user,
   with the data folder as a volume, port 8080, a HEALTHCHECK on readiness and java as PID 1.
2. The build stage for real: its WORKDIR, ENV, COPY and RUN steps are replayed in a temporary
   folder standing for the image's file system, COPY taking files from this repository as the
   build context would. Every RUN must succeed.
3. Every COPY --from=build of the final stage must find its sources in what the build produced.

Usage: scripts/dockerfile-check.py [--keep-app DIR]
  --keep-app DIR   copy the built quarkus-app folder to DIR (CI runs the cluster test on it)
"""

import argparse
import glob
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def instructions(path):
    """(line number, KEYWORD, arguments) of each instruction, continuation lines joined."""
    result, pending, start = [], "", 0
    with open(path) as f:
        for number, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if not pending and (not line.strip() or line.lstrip().startswith("#")):
                continue
            if pending and line.lstrip().startswith("#"):
                continue
            if not pending:
                start = number
            if line.endswith("\\"):
                pending += line[:-1]  # Docker drops the backslash and the line break
                continue
            text = (pending + line).strip()
            pending = ""
            keyword, _, args = text.partition(" ")
            result.append((start, keyword.upper(), args.strip()))
    return result


def stages(steps):
    """Stages as dicts: image, name, steps."""
    found = []
    for number, keyword, args in steps:
        if keyword == "FROM":
            words = args.split()
            name = words[2] if len(words) >= 3 and words[1].upper() == "AS" else None
            found.append({"image": words[0], "name": name, "line": number, "steps": []})
        elif found:
            found[-1]["steps"].append((number, keyword, args))
    return found


def flags_and_words(args):
    """Splits '--from=build a b' into ({'from': 'build'}, ['a', 'b'])."""
    words = shlex.split(args) if not args.startswith("[") else json.loads(args)
    flags = {}
    while words and words[0].startswith("--"):
        key, _, value = words.pop(0)[2:].partition("=")
        flags[key] = value
    return flags, words


def static_problems(all_stages):
    problems = []
    if len(all_stages) < 2:
        return ["a multi-stage build is expected (build, then run)"]
    build = next((s for s in all_stages if s["name"] == "build"), None)
    final = all_stages[-1]
    if build is None:
        problems.append("no stage named 'build'")
    else:
        runs = " ".join(a for _, k, a in build["steps"] if k == "RUN")
        if "./mvnw" not in runs:
            problems.append("the build stage does not build with the Maven wrapper (./mvnw)")
        if "-Dquarkus.profile=postgres" not in runs:
            problems.append("the build stage does not package the PostgreSQL build")
    match = re.search(r":(\d+)[.-].*jre", final["image"])
    if not match or int(match.group(1)) < 21:
        problems.append(f"the final image {final['image']} is not a JRE 21 or newer")
    keywords = {}
    for _, keyword, args in final["steps"]:
        keywords.setdefault(keyword, []).append(args)
    user = (keywords.get("USER") or [""])[-1].split(":")[0]
    if user in ("", "root", "0"):
        problems.append("the final stage does not switch to a non-root USER")
    if not any("8080" in a.split() for a in keywords.get("EXPOSE", [])):
        problems.append("port 8080 is not EXPOSEd")
    env = " ".join(keywords.get("ENV", []))
    data = re.search(r"PODIUM_DATA_DIR=(\S+)", env)
    if not data:
        problems.append("PODIUM_DATA_DIR is not set")
    elif not any(data.group(1) in a for a in keywords.get("VOLUME", [])):
        problems.append(f"the data folder {data.group(1)} is not a VOLUME")
    health = " ".join(keywords.get("HEALTHCHECK", []))
    if "/q/health/ready" not in health:
        problems.append("no HEALTHCHECK on /q/health/ready")
    entry = " ".join(keywords.get("ENTRYPOINT", []))
    if not ("exec java" in entry or entry.startswith('["java"')):
        problems.append("the ENTRYPOINT does not make java PID 1 (exec java), so SIGTERM misses it")
    return problems


def inside(root, cwd, path):
    """The host path standing for image path `path` (relative to the image's cwd)."""
    return os.path.join(root, path.lstrip("/")) if path.startswith("/") else os.path.join(cwd, path)


def copy_from_context(sources, dest, cwd, root):
    target = inside(root, cwd, dest)
    many = len(sources) > 1 or dest.endswith("/")
    for source in sources:
        matches = glob.glob(os.path.join(REPO, source))
        if not matches:
            raise SystemExit(f"COPY: {source} is not in the build context")
        for match in matches:
            if os.path.isdir(match):
                # Like Docker: COPY of a folder copies what it holds, not the folder itself.
                shutil.copytree(match, target, dirs_exist_ok=True, symlinks=True)
            else:
                where = os.path.join(target, os.path.basename(match)) if many else target
                os.makedirs(os.path.dirname(where) or ".", exist_ok=True)
                shutil.copy2(match, where)


def run_build_stage(stage, root):
    cwd, env = root, dict(os.environ)
    for number, keyword, args in stage["steps"]:
        if keyword == "WORKDIR":
            cwd = inside(root, cwd, args)
            os.makedirs(cwd, exist_ok=True)
        elif keyword == "ENV":
            for pair in shlex.split(args):
                key, _, value = pair.partition("=")
                env[key] = value
        elif keyword == "COPY":
            flags, words = flags_and_words(args)
            if "from" in flags:
                raise SystemExit(f"line {number}: COPY --from in the build stage is not replayed")
            copy_from_context(words[:-1], words[-1], cwd, root)
        elif keyword == "RUN":
            print(f"dockerfile-check: line {number}: RUN {args[:70]} ...", flush=True)
            done = subprocess.run(["sh", "-c", args], cwd=cwd, env=env)
            if done.returncode != 0:
                raise SystemExit(f"line {number}: RUN failed with exit code {done.returncode}")
        elif keyword in ("ARG", "LABEL"):
            continue
        else:
            raise SystemExit(f"line {number}: {keyword} in the build stage is not replayed")


def missing_build_outputs(final, root):
    missing = []
    for number, keyword, args in final["steps"]:
        if keyword != "COPY":
            continue
        flags, words = flags_and_words(args)
        if flags.get("from") != "build":
            continue
        for source in words[:-1]:
            if not glob.glob(os.path.join(root, source.lstrip("/"))):
                missing.append(f"line {number}: COPY --from=build {source}: nothing built there")
    return missing


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep-app", help="copy the built quarkus-app folder here")
    options = parser.parse_args()

    all_stages = stages(instructions(os.path.join(REPO, "Dockerfile")))
    problems = static_problems(all_stages)
    if problems:
        raise SystemExit("dockerfile-check: " + "; ".join(problems))
    print("dockerfile-check: stages, user, port, volume, health check and entry point are as expected")

    root = tempfile.mkdtemp(prefix="podium-image.")
    try:
        build = next(s for s in all_stages if s["name"] == "build")
        run_build_stage(build, root)
        missing = missing_build_outputs(all_stages[-1], root)
        if missing:
            raise SystemExit("dockerfile-check: " + "; ".join(missing))
        print("dockerfile-check: the build stage ran, and the final stage finds everything it copies")
        if options.keep_app:
            app = glob.glob(os.path.join(root, "*", "target", "quarkus-app"))
            if len(app) != 1:
                raise SystemExit("dockerfile-check: no single target/quarkus-app was built")
            shutil.rmtree(options.keep_app, ignore_errors=True)
            shutil.copytree(app[0], options.keep_app, symlinks=True)
            print(f"dockerfile-check: the built application is in {options.keep_app}")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
