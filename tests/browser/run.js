// Browser tests of `teachback serve`: Debian's chromium, headless, driven by
// puppeteer-core (no browser of its own), with axe-core injected into every
// page.  Five flows, each start to finish by tapping and by keyboard alone:
//   patient   bone-basics on the bundled quizzes (certainty, feedback, the
//             pause, the end with no grades, the missed questions again)
//   cbm       a student quiz of every answer kind under certainty-based marks
//   assist    teach-back with the nurse's check of each point (--assist)
//   present   the group view: question, answer revealed, next, to the end
//   kiosk     a nurse's tablet (--kiosk=2): a question answered, "Done —
//             hand the tablet back", then the next patient's page left idle
//             until it returns to the start (on a clock the test moves)
// Then the patient quiz once more with JavaScript off.  In make test each
// flow runs at one size, half at a phone's (390x844) and half at a
// tablet's (820x1180); with --full (make test-browser-full) every flow runs
// at both.  On every page: zero axe violations for WCAG 2.0/2.1 A and AA
// (axe reads each page of the tapping runs), no sideways scrolling (in the
// tapping runs also at 320 CSS px: at the phone's size, or at the tablet's
// for a flow not run at the phone's), every control at least 44 px, and in
// the keyboard runs a visible focus on each control reached.  Screenshots
// go to build/screenshots/.  Ends with "browser: N passed, N failed".
//
// Usage: node tests/browser/run.js [--full] [FLOW ...]  (only the flows named,
// e.g. kiosk or no-script; TEACHBACK_BIN, CHROMIUM may be set)
'use strict';

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.resolve(ROOT, process.env.TEACHBACK_BIN || 'build/teachback');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const SHOTS = path.join(ROOT, process.env.BUILD || 'build', 'screenshots');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const SIZES = { phone: { width: 390, height: 844 }, tablet: { width: 820, height: 1180 } };
const FULL = process.argv.includes('--full');
const ONLY = process.argv.slice(2).filter((a) => !a.startsWith('--'));

// TB_PROFILE=1: where the time goes, by kind of step.
const spent = {};
async function timed(what, fn) {
  const t = process.hrtime.bigint();
  try { return await fn(); } finally {
    spent[what] = (spent[what] || 0) + Number(process.hrtime.bigint() - t) / 1e6;
  }
}

let passed = 0;
let failed = 0;
const failures = [];

function pass() { passed++; }
function fail(what, why) {
  failed++;
  failures.push(`${what}: ${why}`);
  console.log(`FAILED ${what}: ${why}`);
}

// ---- the server ----------------------------------------------------------

// Start `teachback serve` on a free loopback port; resolves to {url, stop}.
function serve(args) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tb-browser-'));
  const child = spawn(BIN, ['serve', '--listen', '127.0.0.1:0', '--db', path.join(tmp, 'web.db'),
                            ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d) => { err += d; });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${err}`)), 30000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/teachback: serving on (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[1],
          stderr: () => err,
          stop: () => new Promise((done) => {
            child.once('exit', () => { fs.rmSync(tmp, { recursive: true, force: true }); done(); });
            child.kill('SIGTERM');
          }),
        });
      }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`serve exited ${code}: ${err}`)); });
  });
}

// ---- checks on every page ------------------------------------------------

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

// axe is put into every document the page loads by the driver (DevTools),
// before the page's own script: the pages' CSP rightly refuses inline script.
async function axeCheck(page) {
  return page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags },
                                                resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ` +
      v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', '));
  }, AXE_TAGS);
}

// Visible controls smaller than 44 x 44 CSS px (a radio or checkbox counts
// by its label, which is its target).
async function smallTargets(page) {
  return page.evaluate(() => {
    const out = [];
    const visible = (el) => {
      const r = el.getBoundingClientRect();
      const st = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && st.visibility !== 'hidden' && st.display !== 'none';
    };
    for (const el of document.querySelectorAll('a[href], button, select, textarea, input')) {
      if (el.type === 'hidden' || el.closest('.skip') || el.classList.contains('skip')) continue;
      let box = el;
      if (el.type === 'radio' || el.type === 'checkbox') box = document.querySelector(`label[for="${el.id}"]`) || el;
      if (!visible(box)) continue;
      const r = box.getBoundingClientRect();
      if (r.height < 44 - 0.5 || r.width < 44 - 0.5) {
        out.push(`${el.tagName.toLowerCase()}${el.name ? '[name=' + el.name + ']' : ''} ` +
                 `"${(el.innerText || el.value || '').trim().slice(0, 30)}" ${Math.round(r.width)}x${Math.round(r.height)}`);
      }
    }
    return out;
  });
}

async function sideways(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

const shotsTaken = new Set();

// Every check for the page now shown; `kind` names it for messages and for
// one screenshot of each kind of page per flow and size.
async function checkPage(run, kind) {
  const what = `${run.name} ${run.size} ${run.input}: ${kind} (${await run.page.url()})`;
  const problems = [];
  // axe reads the document, the same whether it was reached by tapping or by
  // keys: it checks every page of the tapping runs at both sizes.  (With
  // script off its promises never settle, and the pages are the tapping
  // run's already checked.)
  if (run.axe) {
    const violations = await timed('axe', () => axeCheck(run.page));
    if (violations.length) problems.push('axe: ' + violations.join('; '));
  }
  const over = await sideways(run.page);
  if (over > 0) problems.push(`scrolls sideways by ${over} px`);
  const small = await timed('targets', () => smallTargets(run.page));
  if (small.length) problems.push('targets under 44 px: ' + small.join(', '));
  if (run.reflow) {
    // Reflow: the same page at 320 CSS px wide (WCAG 1.4.10).  isMobile
    // stays as it is: changing it would reload the page.
    const mobile = run.size === 'phone';
    await run.page.setViewport({ ...SIZES[run.size], width: 320, isMobile: mobile, hasTouch: true });
    const narrow = await sideways(run.page);
    if (narrow > 0) problems.push(`scrolls sideways by ${narrow} px at 320 px wide`);
    await run.page.setViewport({ ...SIZES[run.size], isMobile: mobile, hasTouch: true });
  }
  if (run.noScript) {
    const speak = await run.page.$$eval('button.speak', (bs) => bs.filter((b) =>
      b.getBoundingClientRect().height > 0).length);
    if (speak) problems.push('a read-aloud button shows without script');
  }
  const notice = await run.page.$eval('#notice', (n) => n.innerText).catch(() => null);
  if (notice) problems.push(`the page says: ${notice}`);
  const key = `${run.name}-${run.size}-${kind}`;
  if (run.input === 'tap' && !shotsTaken.has(key)) {
    shotsTaken.add(key);
    await timed('screenshot', () => run.page.screenshot({ path: path.join(SHOTS, `${key}.png`), fullPage: true }));
  }
  if (problems.length) fail(what, problems.join(' | '));
  else pass();
}

// ---- tapping and the keyboard ---------------------------------------------

async function settle(page, action) {
  await timed('navigation', () => Promise.all([page.waitForNavigation({ waitUntil: 'load' }), action()]));
}

async function tap(run, selector) {
  const el = await run.page.$(selector);
  if (!el) throw new Error(`nothing to tap at ${selector}`);
  await el.tap();
}

// Tab (forwards) until `selector` has the focus; fails after `max` presses.
// Each stop on the way must show where the focus is.
async function tabTo(run, selector, max = 80) {
  for (let i = 0; i < max; i++) {
    const here = await run.page.evaluate((sel) => {
      const a = document.activeElement;
      return a && a !== document.body && a.matches(sel);
    }, selector);
    if (here) return focusShown(run);
    await timed('tab', () => run.page.keyboard.press('Tab'));
  }
  throw new Error(`Tab never reached ${selector}`);
}

// The focused control (or the label of a focused radio or checkbox) has a
// visible outline or ring.
async function focusShown(run) {
  const shown = await run.page.evaluate(() => {
    let a = document.activeElement;
    if (!a) return false;
    const ring = (el) => {
      const st = getComputedStyle(el);
      return (st.outlineStyle !== 'none' && parseFloat(st.outlineWidth) >= 2) ||
        (st.boxShadow && st.boxShadow !== 'none');
    };
    if (ring(a)) return true;
    if (a.id) {
      const label = document.querySelector(`label[for="${a.id}"]`);
      if (label && ring(label)) return true;
    }
    return false;
  });
  if (!shown) throw new Error('the focus is not visible on ' +
    await run.page.evaluate(() => document.activeElement.outerHTML.slice(0, 80)));
}

// Press a submit button: tapped, or reached by Tab and pressed with Enter.
async function press(run, selector) {
  if (run.input === 'tap') return settle(run.page, () => tap(run, selector));
  await tabTo(run, selector);
  return settle(run.page, () => run.page.keyboard.press('Enter'));
}

// Tick a radio button or checkbox (by its value within its name).
async function tick(run, name, value) {
  const sel = `input[name="${name}"][value="${value}"]`;
  if (run.input === 'tap') return tap(run, `label[for="${name}-${value}"]`);
  const type = await run.page.$eval(sel, (e) => e.type);
  if (type === 'checkbox') {
    await tabTo(run, sel);
    await run.page.keyboard.press('Space');
    return;
  }
  // A radio group takes one Tab stop; the arrows move within it.
  await tabTo(run, `input[name="${name}"]`);
  for (let i = 0; i < 12; i++) {
    if (await run.page.$eval(sel, (e) => e === document.activeElement)) break;
    await run.page.keyboard.press('ArrowDown');
  }
  await run.page.keyboard.press('Space');
  if (!(await run.page.$eval(sel, (e) => e.checked))) throw new Error(`${sel} is not ticked`);
}

// Choose the option with `value` in a select.
async function choose(run, name, value) {
  const sel = `select[name="${name}"]`;
  if (run.input === 'tap') {
    await tap(run, sel);
    await run.page.select(sel, value);    // the phone's own picker
    return;
  }
  await tabTo(run, sel);
  for (let i = 0; i < 30; i++) {
    if (await run.page.$eval(sel, (e) => e.value) === value) return;
    await run.page.keyboard.press('ArrowDown');
  }
  throw new Error(`${sel}: the keyboard never reached ${value}`);
}

async function type(run, selector, text) {
  if (run.input === 'tap') await tap(run, selector);
  else await tabTo(run, selector);
  await run.page.keyboard.type(text);
}

// ---- answering whatever the page asks --------------------------------------

// The phase of the attempt page shown now.
async function phase(page) {
  return page.evaluate(() => {
    for (const [sel, name] of [['form.answer', 'question'], ['form.certainty', 'certainty'],
      ['form.pause', 'pause'], ['form.nurse', 'nurse'], ['form.confirm', 'confirm'],
      ['section.summary', 'summary']]) {
      if (document.querySelector(sel)) return name;
    }
    return 'unknown';
  });
}

// The kind of question on the page, from its controls.
async function questionKind(page) {
  return page.evaluate(() => {
    const q = (s) => document.querySelector(s);
    if (q('ol.order')) return 'ordering';
    if (q('textarea[name=text]')) return 'own-words';
    if (q('input[name=number]')) return 'number';
    if (q('input[name=text]')) return 'text';
    if (q('select[name=part1]')) return 'selects';
    if (q('input[name=part1]')) return 'grid';
    if (q('input[name=choice][type=checkbox]')) return 'checkboxes';
    if (q('input[name=choice][type=radio]')) return 'radios';
    return 'unknown';
  });
}

// Answer the question shown (not always rightly: a flow needs wrong
// answers too, for feedback, red flags and the missed questions).
async function answer(run, n) {
  const page = run.page;
  const kind = await questionKind(page);
  await checkPage(run, `question-${kind}`);
  if (kind === 'radios') {
    const values = await page.$$eval('input[name=choice]', (els) => els.map((e) => e.value));
    await tick(run, 'choice', values[n % values.length]);
  } else if (kind === 'checkboxes') {
    const values = await page.$$eval('input[name=choice]', (els) => els.map((e) => e.value));
    await tick(run, 'choice', values[0]);
    await tick(run, 'choice', values[values.length - 1]);
  } else if (kind === 'selects') {
    const rows = await page.$$eval('select', (els) => els.map((e) =>
      [e.name, [...e.options].map((o) => o.value).filter((v) => v)]));
    for (const [name, values] of rows) await choose(run, name, values[0]);
  } else if (kind === 'grid') {
    const rows = await page.$$eval('fieldset.options', (fs) => fs.map((f) =>
      [...f.querySelectorAll('input')].map((i) => [i.name, i.value])));
    for (const row of rows) await tick(run, row[0][0], row[0][1]);
  } else if (kind === 'ordering') {
    // One move re-draws the list without answering; the focus stays on it.
    const last = await page.$$eval('ol.order li', (l) => l.length);
    await press(run, `button[name=move][value="up:${last}"]`);
    await checkPage(run, 'question-ordering-moved');
    if (run.input === 'keys') {
      // (The browser applies autofocus at its next rendering step, which a
      // loaded machine may not have reached when the page has loaded.)
      const kept = await page.waitForFunction(() => document.activeElement &&
        document.activeElement.name === 'move', { timeout: 5000 }).then(() => true, () => false);
      if (!kept) throw new Error('after a move the focus is not on a move button');
    }
  } else if (kind === 'number') {
    await type(run, 'input[name=number]', '70');
  } else if (kind === 'text') {
    const stage = await page.evaluate(() => /stage group/i.test(document.body.innerText));
    await type(run, 'input[name=text]', stage ? 'IIB' : 'osteoclast');
  } else if (kind === 'own-words') {
    await type(run, 'textarea[name=text]', n % 2 ?
      "I'd ring the nurse tomorrow morning, it could be my spine." :
      'I would call my care team straight away and go to the emergency department if I ' +
      'could not reach them, because it could be pressure on my spinal cord.');
  } else {
    throw new Error('a question with no controls this test knows');
  }
  await press(run, 'button[name=action][value=answer]');
}

// Go through an attempt from the page shown to its end page.
async function takeAttempt(run, certainty) {
  for (let n = 0; n < 200; n++) {
    const ph = await phase(run.page);
    if (ph === 'summary') return;
    if (ph === 'question') {
      await answer(run, n);
    } else if (ph === 'certainty') {
      await checkPage(run, 'certainty');
      await press(run, `button[name=certainty][value="${certainty(n)}"]`);
    } else if (ph === 'pause') {
      await checkPage(run, 'feedback-pause');
      await press(run, 'button[name=action][value=next]');
    } else if (ph === 'nurse') {
      await checkPage(run, 'nurse-check');
      const verdicts = ['keep', 'yes', 'no'];
      await press(run, `button[name=action][value=${verdicts[n % 3]}]`);
    } else if (ph === 'confirm') {
      await checkPage(run, 'stop-confirm');
      await press(run, 'button[name=action][value=no]');
    } else {
      throw new Error(`a page this test does not know at ${run.page.url()}`);
    }
  }
  throw new Error('the attempt did not end');
}

// From the start page to the quiz's first question.
async function startQuiz(run, base, id) {
  await run.page.goto(base, { waitUntil: 'load' });
  await checkPage(run, 'start');
  await press(run, `a[href="/q/${id}"]`);
  await checkPage(run, 'intro');
  await press(run, 'form.start button');
}

// ---- the flows ----------------------------------------------------------------

async function patientFlow(run, base) {
  await startQuiz(run, base, 'bone-basics');
  // The first question: stop, then say no, and go on (stop-confirm seen).
  await press(run, 'button[name=action][value=quit]');
  await checkPage(run, 'stop-confirm');
  await press(run, 'button[name=action][value=no]');
  await takeAttempt(run, (n) => 1 + (n % 3));
  await checkPage(run, 'summary');
  const text = await run.page.evaluate(() => document.querySelector('main').innerText);
  for (const word of ['Score', '%', 'pass mark', 'marks']) {
    if (text.includes(word)) throw new Error(`the patient's end page says "${word}"`);
  }
  if (!/Your results/.test(text)) throw new Error('no results heading');
  // Go over the missed ones: the first question of the new round.
  if (await run.page.$('form.missed button')) {
    await press(run, 'form.missed button');
    if (await phase(run.page) !== 'question') throw new Error('the missed round did not start');
    await checkPage(run, 'missed-round');
  }
}

// The same quiz with JavaScript off: forms alone take it to the end, and the
// read-aloud button (it needs script) is nowhere to be seen.
async function noScriptFlow(run, base) {
  await startQuiz(run, base, 'bone-basics');
  await takeAttempt(run, () => 2);
  await checkPage(run, 'summary');
}

async function cbmFlow(run, base) {
  await startQuiz(run, base, 'browser-cbm');
  await takeAttempt(run, (n) => [3, 2, 1][n % 3]);
  await checkPage(run, 'summary');
  const text = await run.page.evaluate(() => document.querySelector('main').innerText);
  if (!/Certainty-based marks/.test(text)) throw new Error('the cbm end page gives no marks');
}

async function assistFlow(run, base) {
  await startQuiz(run, base, 'browser-teachback');
  await takeAttempt(run, () => 2);
  await checkPage(run, 'summary');
  const html = await run.page.content();
  if (!/class="box"/.test(html)) throw new Error('the delayed call gave no red-flag box');
}

async function presentFlow(run, base) {
  await run.page.goto(base + 'present/bone-basics', { waitUntil: 'load' });
  for (let n = 0; n < 40; n++) {
    await checkPage(run, 'present');
    await press(run, 'button[name=action][value=reveal]');
    await checkPage(run, 'present-answer');
    if (!(await run.page.$('button[name=action][value=next]'))) break;
    await press(run, 'button[name=action][value=next]');
  }
  await press(run, 'button[name=action][value=back]');
  const h1 = await run.page.$eval('h1', (e) => e.innerText);
  if (!/^Question \d+ of \d+$/.test(h1)) throw new Error(`back shows "${h1}"`);
  const text = await run.page.evaluate(() => document.body.innerText);
  if (/score/i.test(text)) throw new Error('the group view shows a score');
}

// The kiosk: each page asks page.js to go back to the start after this many
// idle minutes (serve --kiosk=2).
const KIOSK_MINUTES = 2;

// In the kiosk runs every document gets this before its own script: a timer
// of a minute or more (page.js's idle timer; nothing else on the pages waits
// that long) waits for window.tbIdleClock.advance(ms) instead of real time,
// so the test sees the page ask for its idle time, start again at a touch or
// a key, and go back to the start, without waiting minutes.  Shorter timers
// run as usual.
function idleClock() {
  const realSet = window.setTimeout.bind(window);
  const realClear = window.clearTimeout.bind(window);
  const held = new Map();
  let now = 0;
  let next = 1e9;
  window.setTimeout = function (fn, ms, ...args) {
    if (typeof fn !== 'function' || !(ms >= 60000)) return realSet(fn, ms, ...args);
    const id = next++;
    held.set(id, { due: now + ms, fn: () => fn(...args) });
    return id;
  };
  window.clearTimeout = function (id) {
    if (!held.delete(id)) realClear(id);
  };
  window.tbIdleClock = {
    // What each timer held still waits for, in ms.
    waits: () => [...held.values()].map((t) => t.due - now),
    // Move the clock on; the timers then due run (after this returns, so a
    // navigation they start does not cut the call short).  Returns how many.
    advance(ms) {
      now += ms;
      const due = [...held].filter(([, t]) => t.due <= now);
      for (const [id] of due) held.delete(id);
      realSet(() => due.forEach(([, t]) => t.fn()), 0);
      return due.length;
    },
  };
}

async function idleWaits(run) {
  return run.page.evaluate(() => window.tbIdleClock.waits());
}

async function idleAdvance(run, ms) {
  return run.page.evaluate((n) => window.tbIdleClock.advance(n), ms);
}

// Back on the start page, in a new browser session: the last patient's
// attempt no longer opens (404, as for any other browser's).
async function nothingLeftOf(run, base, attempt) {
  if (run.page.url() !== base) throw new Error(`the tablet shows ${run.page.url()}, not the start page`);
  const res = await run.page.goto(attempt, { waitUntil: 'load' });
  if (res.status() !== 404) throw new Error(`the last patient's page still opens (${res.status()})`);
}

// One question of bone-basics answered, to its feedback.
async function kioskQuestion(run, n) {
  await answer(run, n);
  if (await phase(run.page) === 'certainty') {
    await checkPage(run, 'certainty');
    await press(run, 'button[name=certainty][value="2"]');
  }
  if (await phase(run.page) !== 'pause') throw new Error('no feedback after the answer');
}

async function kioskFlow(run, base) {
  const idle = KIOSK_MINUTES * 60;
  // The first patient: a question answered, then "Done — hand the tablet back".
  await startQuiz(run, base, 'bone-basics');
  const html = await run.page.content();
  if (!html.includes(`<body data-idle="${idle}">`)) throw new Error(`no ${idle} s idle time on the page`);
  if (!html.includes(`<meta http-equiv="refresh" content="${idle};url=/">`)) {
    throw new Error('no return to the start page without script');
  }
  const first = run.page.url();
  await kioskQuestion(run, 0);
  await checkPage(run, 'feedback-pause');
  await press(run, '#done-form button');
  await checkPage(run, 'start-after-done');
  await nothingLeftOf(run, base, first);
  // The next patient: a question answered, then the tablet left alone.
  await startQuiz(run, base, 'bone-basics');
  const second = run.page.url();
  await kioskQuestion(run, 1);
  const waits = await idleWaits(run);
  if (waits.join() !== String(idle * 1000)) throw new Error(`the page waits [${waits}] ms, not ${idle * 1000}`);
  if (await idleAdvance(run, (idle - 1) * 1000)) throw new Error('back to the start before the idle time');
  // A touch or a key starts the wait again.
  if (run.input === 'tap') await tap(run, 'h1.quiz-title');
  else await run.page.keyboard.press('Tab');
  if ((await idleWaits(run)).join() !== String(idle * 1000)) throw new Error('a touch or key did not restart the wait');
  if (await idleAdvance(run, (idle - 1) * 1000)) throw new Error('back to the start though the page was used');
  if (run.page.url() !== second) throw new Error(`the page left for ${run.page.url()} too soon`);
  await settle(run.page, () => idleAdvance(run, 1000));
  await checkPage(run, 'start-after-idle');
  await nothingLeftOf(run, base, second);
}

// ---- main ---------------------------------------------------------------------

async function main() {
  let puppeteer;
  try {
    puppeteer = require('puppeteer-core');
  } catch (e) {
    fail('set-up', 'puppeteer-core is not installed (scripts/install-deps runs npm ci)');
    return;
  }
  if (!fs.existsSync(CHROMIUM)) {
    fail('set-up', `no browser at ${CHROMIUM} (scripts/install-deps installs chromium)`);
    return;
  }
  fs.mkdirSync(SHOTS, { recursive: true });
  const plain = await serve(['--quizzes', 'quizzes']);
  const nurse = await serve(['--quizzes', 'tests/browser/quizzes', '--assist']);
  const kiosk = await serve(['--quizzes', 'quizzes', `--kiosk=${KIOSK_MINUTES}`]);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'tb-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    userDataDir: profile,
    args: [
      ...(process.getuid && process.getuid() === 0 ? ['--no-sandbox'] : []),
      '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--no-default-browser-check',
      '--disable-extensions', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--disable-default-apps', '--no-pings', '--mute-audio',
      // Nothing but the servers under test on 127.0.0.1.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
  // Each flow with the size it runs at in make test: the patient and the
  // student at a phone's, the nurse's flows and the group view at a
  // tablet's (the no-script run is a phone's).  --full: both sizes each.
  const flows = [
    ['patient', patientFlow, plain.url, 'phone'],
    ['cbm', cbmFlow, nurse.url, 'phone'],
    ['assist', assistFlow, nurse.url, 'tablet'],
    ['present', presentFlow, plain.url, 'tablet'],
    ['kiosk', kioskFlow, kiosk.url, 'tablet'],
  ];
  const runs = [['no-script', noScriptFlow, plain.url, 'phone', 'tap', true]];
  for (const [name, flow, base, size] of flows) {
    const sizes = FULL ? Object.keys(SIZES) : [size];
    for (const at of sizes) {
      // The 320 px reflow check goes with the phone's size, or with the
      // tablet's where the flow does not run at the phone's.
      const reflow = at === 'phone' || !sizes.includes('phone');
      for (const input of ['tap', 'keys']) runs.push([name, flow, base, at, input, reflow]);
    }
  }
  if (ONLY.length) runs.splice(0, runs.length, ...runs.filter((r) => ONLY.includes(r[0])));
  // Two runs at a time: one per core of these machines.
  const worker = async () => {
    for (let job = runs.shift(); job; job = runs.shift()) {
      const [name, flow, base, size, input, reflow] = job;
      {
        {
          // Each run its own browser session (cookies), like another device.
          const context = await browser.createBrowserContext();
          const page = await context.newPage();
          await page.setViewport({ ...SIZES[size], isMobile: size === 'phone', hasTouch: true });
          const run = { name, size, input, page, noScript: name === 'no-script' };
          run.axe = input === 'tap' && !run.noScript;
          run.reflow = input === 'tap' && reflow;
          if (run.axe) await page.evaluateOnNewDocument(AXE_SOURCE);
          if (name === 'kiosk') await page.evaluateOnNewDocument(idleClock);
          // Without script the pages' own script does not run; axe, put in by
          // the driver, still does.
          if (run.noScript) await page.setJavaScriptEnabled(false);
          const what = `${name} ${size} ${input === 'tap' ? 'by tapping' : 'by keyboard alone'}`;
          try {
            await flow(run, base);
            pass();
          } catch (e) {
            fail(what, `${e.message} (at ${page.url()})`);
            await page.screenshot({ path: path.join(SHOTS, `FAILED-${name}-${size}-${input}.png`),
                                    fullPage: true }).catch(() => {});
          }
          await context.close();
        }
      }
    }
  };
  try {
    await Promise.all([worker(), worker()]);
  } finally {
    await browser.close();
    fs.rmSync(profile, { recursive: true, force: true });
    for (const s of [plain, nurse, kiosk]) {
      if (s.stderr().trim()) console.log(`serve said: ${s.stderr().trim().slice(0, 2000)}`);
      await s.stop();
    }
  }
}

main().catch((e) => fail('browser tests', e.stack || e.message)).finally(() => {
  console.log(`screenshots: ${path.relative(ROOT, SHOTS)}/ (${shotsTaken.size})`);
  if (process.env.TB_PROFILE) {
    console.log(Object.entries(spent).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`).join(', '));
  }
  console.log(`browser: ${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
});
