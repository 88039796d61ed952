"""Shared by the scikit-learn baselines: JSONL reading and pair output.

Every baseline is run as its own process by run.sh under /usr/bin/time -v, so
the wall time and peak RSS it reports include interpreter start-up and
imports; the phase times printed here (stderr) are for reading only.
"""
import json
import sys
import time

T0 = time.monotonic()


def log(msg):
    print(f"[{time.monotonic() - T0:7.2f} s] {msg}", file=sys.stderr, flush=True)


def read_jsonl(path, id_field="id", text_field="text"):
    """Returns (ids, texts); lines that do not parse or lack the text field
    are skipped with a message, like simcheck does."""
    ids, texts = [], []
    with open(path, encoding="utf-8", errors="replace") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                text = rec[text_field]
                if not isinstance(text, str):
                    raise TypeError("text is not a string")
            except (ValueError, KeyError, TypeError) as e:
                print(f"{path}:{n}: skipped ({e})", file=sys.stderr)
                continue
            ids.append(str(rec.get(id_field, f"{path}:{n}")))
            texts.append(text)
    return ids, texts


def write_pairs(path, ids, rows, cols, sims, column="cosine"):
    """Writes a,b,<column> with a < b (byte order of the ids), sorted."""
    out = []
    for i, j, s in zip(rows, cols, sims):
        a, b = ids[i], ids[j]
        if a == b:
            continue
        if a > b:
            a, b = b, a
        out.append((a, b, float(s)))
    out.sort()
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"a,b,{column}\n")
        for a, b, s in out:
            f.write(f"{a},{b},{s:.6f}\n")
    return len(out)


SKIP_EXIT = 3  # run.sh reports "skipped" with the reason printed on stdout
