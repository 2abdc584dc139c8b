#!/usr/bin/env python3
"""Baseline for scripts/bench-grade: grade a class's answer sheets (CSV:
learner, then one column per question id) against a teachback quiz's
single-choice keys, and write learner, score, max, percent and the marks.
Usage: grade.py QUIZ.yaml SHEETS.csv RESULTS.csv"""
import csv
import sys

import yaml

quiz = yaml.load(open(sys.argv[1], encoding="utf-8"), Loader=yaml.CSafeLoader)
key, points = {}, {}
for q in quiz["questions"]:
    for i, o in enumerate(q["options"]):
        if o.get("correct"):
            key[q["id"]] = chr(65 + i)
    points[q["id"]] = float(q.get("points", 1))
with open(sys.argv[2], newline="", encoding="utf-8-sig") as f, \
        open(sys.argv[3], "w", newline="", encoding="utf-8") as out:
    rows = csv.reader(f)
    ids = next(rows)[1:]
    w = csv.writer(out)
    w.writerow(["learner", "score", "max", "percent"] + ids)
    total = sum(points[i] for i in ids)
    for row in rows:
        marks = [points[i] if row[n + 1].strip().upper() == key[i] else 0
                 for n, i in enumerate(ids)]
        s = sum(marks)
        w.writerow([row[0], f"{s:g}", f"{total:g}", f"{100 * s / total:g}"] +
                   [f"{m:g}" for m in marks])
