// bench-gift.js: the same GIFT file read by gift-pegjs (in this process)
// and imported by teachback (a whole `teachback import` run: start, read,
// convert, write YAML).  Median of 5 wall-clock times each, interleaved,
// so both see the same machine; and the same for CPU time (user + system,
// ours from bash's `times`, to the millisecond: GNU time's %U and %S are
// hundredths, too coarse near 80 ms), which moves less with the machine's
// other work.
//
//   node tests/interop/bench-gift.js FILE.gift build/teachback
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const gift = require('gift-pegjs');

const [file, bin] = process.argv.slice(2);
const src = fs.readFileSync(file, 'utf8');
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'tb-bench-'));
const median = (a) => a.slice().sort((x, y) => x - y)[a.length >> 1];
const theirs = [], ours = [], theirsCpu = [], oursCpu = [];
const cpuMs = (u) => (u.user + u.system) / 1000;
let n = 0;
for (let i = 0; i < 5; i++) {
  let t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  n = gift.parse(src).length;
  theirsCpu.push(cpuMs(process.cpuUsage(c0)));
  theirs.push(Number(process.hrtime.bigint() - t0) / 1e6);
  t0 = process.hrtime.bigint();
  // `times` prints the shell's own times, then its children's: ours.
  const run = spawnSync('bash', ['-c', '"$0" import "$1" -o "$2" >/dev/null 2>&1 || exit 3; times',
    bin, file, out], { stdio: ['ignore', 'pipe', 'ignore'] });
  if (run.status !== 0) throw new Error(`teachback import failed (exit ${run.status})`);
  ours.push(Number(process.hrtime.bigint() - t0) / 1e6);
  const m = run.stdout.toString().trim().split('\n').pop().match(/^(\d+)m([\d.]+)s (\d+)m([\d.]+)s$/);
  if (!m) throw new Error(`cannot read the times: ${run.stdout}`);
  oursCpu.push((Number(m[1]) * 60 + Number(m[2]) + Number(m[3]) * 60 + Number(m[4])) * 1000);
}
fs.rmSync(out, { recursive: true, force: true });
const pad = (s) => s.padEnd(44);
console.log(`${pad(`GIFT, ${Math.round(src.length / 1024)} KiB, ${n} records`)} ` +
  `gift-pegjs ${median(theirs).toFixed(1)} ms   teachback import ${median(ours).toFixed(1)} ms   ` +
  `${(median(theirs) / median(ours)).toFixed(1)}x`);
console.log(`${pad('  the same, CPU (user + system)')} ` +
  `gift-pegjs ${median(theirsCpu).toFixed(1)} ms   teachback import ${median(oursCpu).toFixed(1)} ms   ` +
  `${(median(theirsCpu) / median(oursCpu)).toFixed(1)}x`);
