// bench-gift.js: the same GIFT file read by gift-pegjs (in this process)
// and imported by teachback (a whole `teachback import` run: start, read,
// convert, write YAML).  Median of 5 wall-clock times each, interleaved,
// so both see the same machine.
//
//   node tests/interop/bench-gift.js FILE.gift build/teachback
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const gift = require('gift-pegjs');

const [file, bin] = process.argv.slice(2);
const src = fs.readFileSync(file, 'utf8');
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'tb-bench-'));
const median = (a) => a.slice().sort((x, y) => x - y)[a.length >> 1];
const theirs = [], ours = [];
let n = 0;
for (let i = 0; i < 5; i++) {
  let t0 = process.hrtime.bigint();
  n = gift.parse(src).length;
  theirs.push(Number(process.hrtime.bigint() - t0) / 1e6);
  t0 = process.hrtime.bigint();
  execFileSync(bin, ['import', file, '-o', out], { stdio: 'ignore' });
  ours.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
fs.rmSync(out, { recursive: true, force: true });
const pad = (s) => s.padEnd(44);
console.log(`${pad(`GIFT, ${Math.round(src.length / 1024)} KiB, ${n} records`)} ` +
  `gift-pegjs ${median(theirs).toFixed(1)} ms   teachback import ${median(ours).toFixed(1)} ms   ` +
  `${(median(theirs) / median(ours)).toFixed(1)}x`);
