#!/usr/bin/env python3
"""Best retrieval P@1 any text-based scorer can reach on a development task.

A scorer sees only the texts, so pool documents with identical text get
identical scores; ../shared/eval-dev/score.py breaks ties uniformly at
random (in expectation), so a query whose true target shares its text with
k - 1 other pool documents is worth at most 1/k. The sum over queries,
divided by their number, is the ceiling.

    bench/quality/tie_ceiling.py TASK_DIR [RETRIEVAL_NAME]

TASK_DIR is one of the eval-dev tasks (e.g. /tmp/simcheck-dev/tasks/
bible-verse-ot); RETRIEVAL_NAME defaults to the task's primary retrieval.
"""
import csv
import json
import os
import sys
from collections import Counter


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    task_dir = sys.argv[1]
    task = json.load(open(os.path.join(task_dir, "task.json")))
    wanted = sys.argv[2] if len(sys.argv) > 2 else None
    spec = next(r for r in task["retrieval"] if (r["name"] == wanted if wanted else r.get("primary")))
    docs = os.path.join(task_dir, task["docs_dir"])

    def text(rel):
        with open(os.path.join(docs, rel), encoding="utf-8") as f:
            return f.read().strip()

    pool = [line.strip() for line in open(os.path.join(task_dir, spec["pool"])) if line.strip()]
    pool_text = {p: text(p) for p in pool}
    copies = Counter(pool_text.values())
    rows = list(csv.DictReader(open(os.path.join(task_dir, spec["truth"]))))
    ceiling = sum(1 / copies[pool_text[r["target"]]] for r in rows) / len(rows)
    tied = sum(1 for r in rows if copies[pool_text[r["target"]]] > 1)
    print(f"{task['name']} {spec['name']}: {len(rows)} queries, {tied} with a tied target; "
          f"P@1 ceiling {ceiling:.4f}")


if __name__ == "__main__":
    main()
