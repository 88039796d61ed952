"""Best F1 of a scored pair list, as ../shared/eval-dev/score.py computes it:
pairs swept from the highest score down, a group of tied scores at once,
recall over every truth pair (found or not). Shared by parallels.py and
subsets.py."""


def best_f1(items, n_truth):
    """items: (score, is_true) pairs. Returns (best F1, its threshold)."""
    items = sorted(items, key=lambda x: -x[0])
    tp = fp = 0
    best = (0.0, None)
    i = 0
    while i < len(items):
        j = i
        while j < len(items) and items[j][0] == items[i][0]:
            tp += items[j][1]
            fp += not items[j][1]
            j += 1
        prec, rec = tp / (tp + fp), tp / n_truth
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        if f1 > best[0]:
            best = (f1, items[i][0])
        i = j
    return best
