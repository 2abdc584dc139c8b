#!/usr/bin/env python3
"""Baseline for scripts/bench: grade one answers file against a teachback
quiz, in file order (no shuffle, no draw), and print the result as JSON.
A plain script doing the work of `teachback run QUIZ --answers FILE --json`
with simpler rules: right or wrong per question (partial credit only for
`multiple` with scoring: partial), teach-back by its `any` patterns as
shell wildcards.  Usage: grade_attempt.py QUIZ.yaml ANSWERS.yaml"""
import fnmatch
import json
import sys

import yaml

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def label(i):
    return chr(65 + i)


def score(q, a):
    t = q["type"]
    if t == "single":
        return 1.0 if [label(i) for i, o in enumerate(q["options"]) if o.get("correct")] == [a] else 0.0
    if t == "multiple":
        key = {label(i) for i, o in enumerate(q["options"]) if o.get("correct")}
        got = set(a or [])
        if q.get("scoring") == "partial":
            return max(0.0, (len(key & got) - len(got - key)) / len(key))
        return 1.0 if key == got else 0.0
    if t == "truefalse":
        return 1.0 if a == q["answer"] else 0.0
    if t == "numeric":
        tol = q.get("tolerance", abs(q["answer"]) * q.get("tolerance_pct", 0) / 100)
        return 1.0 if abs(float(a) - q["answer"]) <= tol else 0.0
    if t == "text":
        return 1.0 if any(fnmatch.fnmatch(str(a).lower(), p.lower()) for p in q["accept"]) else 0.0
    if t == "ordering":
        return 1.0 if a == [label(i) for i in range(len(q["items"]))] else 0.0
    if t == "matching":
        return 1.0 if all(a.get(i + 1) == label(i) for i in range(len(q["pairs"]))) else 0.0
    if t == "cloze":
        return 1.0 if all(a.get(i + 1) == label(b["options"].index(b["answer"]))
                          for i, b in enumerate(q["blanks"])) else 0.0
    if t == "matrix":
        return 1.0 if all(a.get(i + 1) == label(q["columns"].index(r["answer"]))
                          for i, r in enumerate(q["rows"])) else 0.0
    if t == "staging":
        return 1.0 if str(a).upper() == "IV" and q["case"]["m"] == "M1" else 0.0
    if t == "teachback":
        text = str(a).lower()
        pts = [any(fnmatch.fnmatch(text, "*" + p.lower() + "*") for p in k["any"])
               for k in q["key_points"]]
        return sum(pts) / len(pts)
    raise ValueError("unknown type " + t)


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        quiz = yaml.load(f, Loader=LOADER)
    with open(sys.argv[2], encoding="utf-8") as f:
        answers = yaml.load(f, Loader=LOADER)
    rows, total, top = [], 0.0, 0.0
    for q in quiz["questions"]:
        pts = float(q.get("points", 1))
        s = score(q, answers.get(q["id"])) * pts if q["id"] in answers else 0.0
        rows.append({"id": q["id"], "type": q["type"], "score": s, "max": pts})
        total += s
        top += pts
    print(json.dumps({"quiz": quiz["id"], "score": total, "max": top,
                      "percent": 100 * total / top, "questions": rows}))


main()
