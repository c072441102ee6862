#!/usr/bin/env python3
"""A synthetic catalog, a hundredfold the size of pyvideo, for scale benchmarks.

Draws its text and its shapes from a real catalog (../shared/catalog/pyvideo-public.json): titles
are real titles with a word or two swapped for others of the corpus, abstracts are real abstracts
with their sentences shuffled, names are real first and last names recombined; a few speakers and
topics are busy and most are not (Zipf-like), as in the real data. Deterministic for a seed.

The catalog import takes at most 64 MB a request, so the output is a folder of catalog documents
to be imported in name order: first the topics and speakers, then the conferences with their
talks in parts.

Usage: python3 bench/generate.py OUT_DIR [talks] [speakers] [topics] [conferences] [seed]
       (defaults: 1000000 200000 5000 2000 42). Keep the output out of the repository.
"""
import json
import os
import random
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCE = os.path.join(ROOT, "..", "shared", "catalog", "pyvideo-public.json")
PART_BYTES = 40 * 1024 * 1024


def zipf_picker(rng, n, s=1.1):
    """Index 0..n-1 with probability falling as 1/(rank^s): a few busy, most quiet."""
    weights = [1.0 / (k + 1) ** s for k in range(n)]
    total = sum(weights)
    cumulative, acc = [], 0.0
    for w in weights:
        acc += w / total
        cumulative.append(acc)
    import bisect
    return lambda: min(n - 1, bisect.bisect_left(cumulative, rng.random()))


def slug(prefix, text):
    """A slug the catalog accepts: the prefix keeps it unique, the text readable."""
    words = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return (prefix + "-" + words)[:100].rstrip("-")


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    n_talks, n_speakers, n_topics, n_confs = (int(a) for a in (sys.argv[2:6] + ["1000000", "200000", "5000", "2000"][len(sys.argv[2:6]):]))
    seed = int(sys.argv[6]) if len(sys.argv) > 6 else 42
    rng = random.Random(seed)
    with open(SOURCE) as f:
        real = json.load(f)

    titles = [t["title"] for t in real["talks"]]
    abstracts = [t["abstract"] for t in real["talks"] if t.get("abstract")]
    vocabulary = sorted({w for t in titles for w in t.split() if w.isalpha() and len(w) > 3})
    firsts = sorted({s["name"].split()[0] for s in real["speakers"] if len(s["name"].split()) > 1})
    lasts = sorted({s["name"].split()[-1] for s in real["speakers"] if len(s["name"].split()) > 1})
    topic_names = sorted({t["name"] for t in real["topics"]})
    series = sorted({c.get("series") or c["name"] for c in real["conferences"]})

    os.makedirs(out, exist_ok=True)
    topics = []
    for i in range(n_topics):
        name = topic_names[i % len(topic_names)] + ("" if i < len(topic_names) else f" {i // len(topic_names) + 1}")
        topic = {"slug": slug(f"t{i}", name), "name": name[:120]}
        if i >= 50 and rng.random() < 0.2:
            topic["parent"] = topics[rng.randrange(50)]["slug"]
        topics.append(topic)
    speakers = []
    for i in range(n_speakers):
        name = f"{rng.choice(firsts)} {rng.choice(lasts)}"
        speakers.append({"slug": slug(f"s{i}", name), "name": name[:200]})
    write(out, "00-topics-speakers.json", {"formatVersion": 1, "source": "synthetic, from " + real["source"][:200],
                                          "topics": topics, "speakers": speakers, "talks": []})

    pick_speaker = zipf_picker(rng, n_speakers, 0.8)
    pick_topic = zipf_picker(rng, n_topics, 1.0)
    speaker_order = list(range(n_speakers))
    rng.shuffle(speaker_order)
    conferences = []
    for i in range(n_confs):
        year = 2005 + i * 22 // n_confs
        start = f"{year}-{1 + i % 12:02d}-{1 + i % 27:02d}"
        name = f"{series[i % len(series)]} {year}"
        conferences.append({"slug": slug(f"c{i}", name), "name": name[:200],
                            "series": series[i % len(series)][:120], "startDate": start, "endDate": start})
    per_conf = [n_talks // n_confs + (1 if i < n_talks % n_confs else 0) for i in range(n_confs)]

    part, part_confs, part_talks, size, number = 1, [], [], 0, 0
    for c, conf in enumerate(conferences):
        part_confs.append(conf)
        for _ in range(per_conf[c]):
            words = rng.choice(titles).split()
            for _ in range(rng.randint(1, 2)):
                words[rng.randrange(len(words))] = rng.choice(vocabulary)
            title = " ".join(words)[:300]
            talk = {"slug": slug(f"k{number}", title), "title": title, "conference": conf["slug"],
                    "speakers": sorted({speakers[speaker_order[pick_speaker()]]["slug"] for _ in range(rng.choice((1, 1, 1, 2, 2, 3)))}),
                    "topics": sorted({topics[pick_topic()]["slug"] for _ in range(rng.randint(1, 4))}),
                    "language": "en", "startsAt": conf["startDate"] + f"T{9 + number % 8:02d}:00:00Z"}
            if rng.random() < 0.85:
                sentences = re.split(r"(?<=[.!?])\s+", rng.choice(abstracts))
                rng.shuffle(sentences)
                talk["abstract"] = " ".join(sentences)[:20000]
            part_talks.append(talk)
            size += len(talk["title"]) + len(talk.get("abstract", "")) + 400
            number += 1
        if size > PART_BYTES or c == n_confs - 1:
            write(out, f"{part:02d}-talks.json", {"formatVersion": 1, "conferences": part_confs, "talks": part_talks})
            part, part_confs, part_talks, size = part + 1, [], [], 0
    print(f"{out}: {n_topics} topics, {n_speakers} speakers, {n_confs} conferences, {number} talks "
          f"in {part} catalog documents")


def write(out, name, document):
    with open(os.path.join(out, name), "w") as f:
        json.dump(document, f, ensure_ascii=False, separators=(",", ":"))


if __name__ == "__main__":
    main()
