#!/usr/bin/env python3
"""Writes a synthetic catalog document (../shared/catalog/catalog.schema.json) of any size.

    scripts/synthetic-catalog.py TALKS PREFIX [OUT]
    scripts/synthetic-catalog.py --marker PREFIX

Every slug starts with PREFIX, so catalogs of different prefixes share nothing and one of a
prefix imports again as "unchanged". Every talk title carries a word made from PREFIX (printed
by "scripts/synthetic-catalog.py --marker PREFIX"), found in no other catalog and too unlike
any other for typo-tolerant search to mix them up, so a search for it finds exactly the talks of
this catalog.
Per 100 talks: 50 speakers, one conference with four tracks and 5 interviews; 40 topics (8 of
them sub-topics) in all. The same arguments always give the same document.

It needs no data: the text is drawn from a fixed word list. For realistic text and shapes at a
hundredfold scale, bench/generate.py draws on the PyVideo catalog instead.
"""
import hashlib
import json
import random
import sys

WORDS = (
    "resilience latency queue stream cache shard replica failover consensus backpressure "
    "observability tracing metrics deployment canary rollback migration schema index "
    "partition throughput scheduler container kernel network protocol gateway service "
    "mesh retry timeout circuit breaker budget incident postmortem capacity autoscaling"
).split()
FIRST = "Ada Alan Barbara Carl Dana Edsger Frances Grace Hedy Ivan John Karen Leslie Margaret".split()
LAST = "Lovelace Turing Liskov Hewitt Scott Dijkstra Allen Hopper Lamarr Sutherland Backus".split()


def marker_of(prefix: str) -> str:
    """Ten lowercase letters from a hash of the prefix: one word to the analyzers."""
    digest = hashlib.sha256(prefix.encode()).digest()
    return "zq" + "".join(chr(ord("a") + b % 26) for b in digest[:8])


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--marker":
        print(marker_of(sys.argv[2]))
        return
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    talks, prefix = int(sys.argv[1]), sys.argv[2]
    out = open(sys.argv[3], "w", encoding="utf-8") if len(sys.argv) == 4 else sys.stdout
    marker = marker_of(prefix)
    rnd = random.Random(prefix)

    def words(n: int) -> str:
        return " ".join(rnd.choice(WORDS) for _ in range(n))

    topics = [{"slug": f"{prefix}-topic-{i}", "name": f"Topic {i} {words(2)}"} for i in range(32)]
    for i in range(8):
        topics.append(
            {"slug": f"{prefix}-sub-{i}", "name": f"Sub {i}", "parent": f"{prefix}-topic-{i}"}
        )
    conferences = []
    for c in range(max(1, talks // 100)):
        conferences.append(
            {
                "slug": f"{prefix}-conf-{c}",
                "name": f"Conference {c}",
                "series": f"Series {c % 7}",
                "startDate": f"{2000 + c % 30}-{1 + c % 12:02d}-10",
                "endDate": f"{2000 + c % 30}-{1 + c % 12:02d}-12",
                "city": "Springfield",
                "tracks": [{"slug": f"track-{t}", "name": f"Track {t}"} for t in range(4)],
            }
        )
    speakers = [
        {
            "slug": f"{prefix}-speaker-{s}",
            "name": f"{rnd.choice(FIRST)} {rnd.choice(LAST)} {s}",
            "company": f"Company {s % 300}",
            "bio": words(30),
        }
        for s in range(max(1, talks // 2))
    ]
    items = []
    for t in range(talks):
        conf = conferences[t % len(conferences)]
        items.append(
            {
                "slug": f"{prefix}-talk-{t}",
                "title": f"{words(4).capitalize()} {marker} {t}",
                "abstract": words(60),
                "conference": conf["slug"],
                "track": f"track-{t % 4}",
                "speakers": sorted({speakers[rnd.randrange(len(speakers))]["slug"] for _ in range(2)}),
                "topics": sorted({topics[rnd.randrange(len(topics))]["slug"] for _ in range(3)}),
                "type": "talk",
                "levels": ["intermediate"],
                "learningOutcomes": [words(8), words(8)],
                "startsAt": conf["startDate"] + f"T{9 + t % 8:02d}:00:00Z",
                "durationMinutes": 50,
            }
        )
    interviews = [
        {
            "slug": f"{prefix}-interview-{i}",
            "title": f"Interview {i} {words(3)}",
            "speaker": items[i * 20]["speakers"][0],
            "talk": items[i * 20]["slug"],
            "topics": [topics[i % len(topics)]["slug"]],
            "qa": [{"question": words(8) + "?", "answer": words(40)}],
        }
        for i in range(talks // 20)
    ]
    json.dump(
        {
            "formatVersion": 1,
            "source": f"synthetic catalog {prefix}",
            "topics": topics,
            "conferences": conferences,
            "speakers": speakers,
            "talks": items,
            "interviews": interviews,
        },
        out,
    )
    out.write("\n")


if __name__ == "__main__":
    main()
