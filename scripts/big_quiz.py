#!/usr/bin/env python3
"""Write a large quiz that checks clean, for scripts/bench: DIR/big.yaml
with N single-choice questions (6,000 make about 1.8 MB) and the material
document they cite, DIR/material/doc.md.  Usage: big_quiz.py DIR [N]"""
import os
import sys

out = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 6000
os.makedirs(out + "/material", exist_ok=True)
with open(out + "/material/doc.md", "w", encoding="utf-8") as f:
    f.write("---\nid: doc\ntitle: Bench document\nreviewed: 2026-11-23\nsources:\n"
            "  - \"written for scripts/bench\"\n---\n\n# Bench document\n\n"
            "## First section {#sec}\n\nBone is the most common place. "
            "About 7 in 10 people have it.\n")
with open(out + "/big.yaml", "w", encoding="utf-8") as f:
    f.write("id: big\ntitle: A large quiz for the benchmark\naudience: student\n"
            "version: 1\nreviewed: 2026-11-23\nmaterial: [doc]\nquestions:\n")
    for i in range(1, n + 1):
        f.write(f"""  - id: q{i}
    type: single
    topic: topic-{i % 12}
    prompt: "Question {i}: where does it spread most often?"
    options:
      - {{text: Bone, correct: true}}
      - {{text: Skin, feedback: Less often than bone.}}
      - {{text: The eye}}
    explain: Bone is the most common place.
    source: doc#sec
    quote: About 7 in 10 people
""")
