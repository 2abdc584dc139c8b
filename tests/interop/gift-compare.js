// gift-compare.js: read GIFT files with gift-pegjs (the npm parser) and with
// `teachback import --dump`, map both to one neutral shape, and require
// every question to be read, and read alike.  Prints "N passed, N failed".
//
//   node tests/interop/gift-compare.js TEACHBACK FILE.gift...
'use strict';
const fs = require('fs');
const { execFileSync } = require('child_process');
const gift = require('gift-pegjs');

const ws = (s) => (s == null ? null : String(s).replace(/\s+/g, ' ').trim());
const txt = (t) => (t == null ? null : ws(typeof t === 'string' ? t : t.text));

function numeric(c) {
  if (c.type === 'high-low') return { kind: 'high-low', low: c.numberLow, high: c.numberHigh };
  if (c.type === 'range') return { kind: 'range', number: c.number, range: c.range };
  if (c.type === 'simple') return { kind: 'simple', number: c.number };
  return { kind: 'other' };
}

function neutral(q) {
  const n = { type: q.type, title: q.title == null ? null : ws(q.title) };
  if (q.type === 'Category') return n;
  n.stem = txt(q.stem);
  if (q.type === 'Description') return n;
  n.feedback = txt(q.globalFeedback);
  if (q.type === 'MC' || q.type === 'Short') {
    n.answers = q.choices.map((a) => ({ text: txt(a.text), correct: !!a.isCorrect,
      weight: a.weight, feedback: txt(a.feedback) }));
  } else if (q.type === 'TF') {
    n.truth = q.isTrue;
    n.feedback1 = txt(q.trueFeedback);
    n.feedback2 = txt(q.falseFeedback);
  } else if (q.type === 'Matching') {
    n.pairs = q.matchPairs.map((p) => ({ left: txt(p.subquestion), right: ws(p.subanswer) }));
  } else if (q.type === 'Numerical') {
    const list = Array.isArray(q.choices) ? q.choices : [{ text: q.choices, weight: null, feedback: null }];
    n.answers = list.map((c) => Object.assign(numeric(c.text),
      { weight: c.weight, feedback: txt(c.feedback) }));
  }
  return n;
}

// teachback's dump, with the same white-space folding.
function fold(v) {
  if (typeof v === 'string') return ws(v);
  if (Array.isArray(v)) return v.map(fold);
  if (v && typeof v === 'object') {
    const o = {};
    for (const k of Object.keys(v)) o[k] = fold(v[k]);
    return o;
  }
  return v;
}

function canon(v) {
  if (Array.isArray(v)) return '[' + v.map(canon).join(',') + ']';
  if (v && typeof v === 'object') {
    return '{' + Object.keys(v).filter((k) => v[k] !== undefined).sort()
      .map((k) => JSON.stringify(k) + ':' + canon(v[k])).join(',') + '}';
  }
  // teachback's JSON keeps 4 decimals (33.33333 -> 33.3333).
  if (typeof v === 'number') return JSON.stringify(Math.round(v * 1e4) / 1e4);
  return JSON.stringify(v === undefined ? null : v);
}

const [bin, ...files] = process.argv.slice(2);
let passed = 0, failed = 0;
for (const f of files) {
  let theirs, ours;
  try {
    // gift-pegjs stops at a byte-order mark; Moodle drops it, and so does this test.
    theirs = gift.parse(fs.readFileSync(f, 'utf8').replace(/^\uFEFF/, '')).map(neutral);
  } catch (e) {
    console.log(`${f}: gift-pegjs could not read it: ${e.message}`);
    failed++;
    continue;
  }
  try {
    ours = fold(JSON.parse(execFileSync(bin, ['import', f, '--dump'], { encoding: 'utf8' })));
  } catch (e) {
    console.log(`${f}: teachback could not read it: ${e.stderr || e.message}`);
    failed++;
    continue;
  }
  if (theirs.length !== ours.length) {
    console.log(`${f}: gift-pegjs read ${theirs.length} questions, teachback ${ours.length}`);
    failed++;
    continue;
  }
  let same = true;
  for (let i = 0; i < theirs.length; i++) {
    if (canon(theirs[i]) !== canon(ours[i])) {
      console.log(`${f}: question ${i + 1} read differently:\n  gift-pegjs ${canon(theirs[i])}\n  teachback  ${canon(ours[i])}`);
      same = false;
    }
  }
  if (same) passed++; else failed++;
}
console.log(`gift-compare: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
