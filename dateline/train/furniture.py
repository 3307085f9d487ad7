"""Train the learned line model (dateline/clean/line_model.py) on the READ half of the line benchmark.

    python -m dateline.train.furniture            # fit, choose the threshold, write clean/line_model.json
    python -m dateline.train.furniture --curve    # print the cross-validated curve only

Examples are the labelled lines the rules keep and that do not read as prose (what the model will face), from the read pages of
`dateline.evaluate.furniture` (data we did not write). A logistic regression with an L2 penalty, fitted
by Newton's method (numpy only). The threshold is the lowest one at which, in 5-fold cross-validation by
page, the model drops at most MAX_BODY_LOSS of the read part's body lines: it is used only where it is
very sure. The never-read half is not touched here.
"""
from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

from ..clean import line_reasons
from ..clean.line_model import MODEL_FILE, LineModel, line_features, other_script_text, reads_as_prose
from ..evaluate import shared_dir
from ..evaluate.furniture import pages

FOLDS = 5
L2 = 1.0
MAX_BODY_LOSS = 0.002  # of the read body lines, out of fold
THRESHOLDS = tuple(round(0.5 + 0.01 * i, 2) for i in range(50)) + (0.995, 0.998)  # 0.50 ... 0.998


def examples(bench: Path) -> tuple[list[tuple[str, dict[str, float], int]], int]:
    """(page, features, 1 for furniture) for every labelled line the rules keep; and the count of all
    labelled body lines (the denominator of body lines kept)."""
    out, n_body = [], 0
    for page in pages(bench, "read"):
        lines = list(page.lines)
        reasons = line_reasons(lines, learned=False)
        for i, ll in page.labelled():
            n_body += ll.label == "body"
            if reasons[i] is not None or reads_as_prose(lines[i]) or other_script_text(lines[i]):
                continue
            prev_i, next_i = i - 1 if i else None, i + 1 if i + 1 < len(lines) else None
            feats = line_features(lines[i], lines[prev_i] if prev_i is not None else None,
                                  lines[next_i] if next_i is not None else None,
                                  prev_i is not None and reasons[prev_i] is not None,
                                  next_i is not None and reasons[next_i] is not None)
            out.append((page.key, feats, int(ll.label == "furniture")))
    return out, n_body


def fit(items: list[tuple[str, dict[str, float], int]]) -> dict[str, float]:
    import numpy as np

    names = sorted({k for _, f, _ in items for k in f})
    index = {k: j for j, k in enumerate(names)}
    x = np.zeros((len(items), len(names)))
    for r, (_, f, _) in enumerate(items):
        for k, v in f.items():
            x[r, index[k]] = v
    y = np.array([lab for _, _, lab in items], dtype=float)
    w = np.zeros(len(names))
    penalty = np.full(len(names), L2)
    penalty[index["bias"]] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -40, 40)))
        grad = x.T @ (p - y) + penalty * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-6)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return {k: float(w[j]) for k, j in index.items() if abs(w[j]) >= 1e-5}


def _fold(page: str) -> int:
    return int(hashlib.sha1(f"furniture-fold:{page}".encode()).hexdigest(), 16) % FOLDS


def out_of_fold(items) -> list[tuple[float, int]]:
    scored = []
    for k in range(FOLDS):
        model = LineModel(fit([it for it in items if _fold(it[0]) != k]), 1.0)
        scored += [(model.probability(f), lab) for page, f, lab in items if _fold(page) == k]
    return scored


def curve(scored, n_body: int) -> list[tuple[float, int, int]]:
    """(threshold, body lines dropped, furniture lines dropped) out of fold."""
    return [(t, sum(p >= t for p, lab in scored if lab == 0), sum(p >= t for p, lab in scored if lab == 1))
            for t in THRESHOLDS]


def choose(points, n_body: int) -> float:
    allowed = MAX_BODY_LOSS * n_body
    ok = [t for t, body, _ in points if body <= allowed]
    return min(ok) if ok else 1.01


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--curve", action="store_true", help="print the cross-validated curve, write nothing")
    args = ap.parse_args(argv)
    items, n_body = examples(shared_dir() / "bench" / "html")
    n_furn = sum(lab for _, _, lab in items)
    points = curve(out_of_fold(items), n_body)
    threshold = choose(points, n_body)
    print(f"{len(items)} lines the rules keep ({n_furn} furniture); {n_body} labelled body lines in all")
    for t, body, furn in points:
        mark = " <- chosen" if t == threshold else ""
        print(f"threshold {t:.3f}: body dropped {body:>3}, furniture dropped {furn:>5}{mark}")
    if args.curve:
        return
    model = LineModel(fit(items), threshold)
    training = {"pages": len({p for p, _, _ in items}), "lines": len(items), "furniture": n_furn,
                "body lines (all)": n_body, "max body loss (out of fold)": MAX_BODY_LOSS, "l2": L2}
    MODEL_FILE.write_text(model.to_json(training), encoding="utf-8")
    print(f"wrote {MODEL_FILE} (threshold {threshold})")


if __name__ == "__main__":
    main()
