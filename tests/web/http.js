// tests/web/http.js: `teachback serve` over HTTP, on 127.0.0.1 only.
//
// Starts the real binary (build/teachback serve --listen 127.0.0.1:0
// --db TMP), reads the port from its first line, and speaks HTTP/1.1 over
// raw sockets, so paths go out exactly as written (no client tidies
// "/static/../x") and a client can be slow or oversized on purpose.
// Expected values are exact: status codes, every security header, the
// cookie's attributes.  Ends with "N passed, N failed".
'use strict';
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const YAML = require('yaml');

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.resolve(ROOT, process.env.TEACHBACK_BIN || 'build/teachback');
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'tb-web-'));
const DB = path.join(TMP, 'web.db');
const HOSTILE = path.join(__dirname, 'fixtures', 'hostile');

let passed = 0, failed = 0;
function check(name, ok, detail) {
  if (ok) { passed++; return true; }
  failed++;
  console.log(`FAIL ${name}${detail ? ': ' + detail : ''}`);
  return false;
}
function eq(name, got, want) {
  return check(name, got === want, `got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
}

// ---- the server ---------------------------------------------------------

function startServer(args = []) {
  return new Promise((resolve, reject) => {
    const proc = spawn(BIN, ['serve', '--listen', '127.0.0.1:0', '--db', DB, ...args],
                       { stdio: ['ignore', 'pipe', 'pipe'],
                         env: { ...process.env, TEACHBACK_SITE: 'web-test', XDG_CACHE_HOME: TMP } });
    let out = '', err = '';
    proc.stderr.on('data', (d) => { err += d; });
    proc.stdout.on('data', (d) => {
      out += d;
      const nl = out.indexOf('\n');
      if (nl < 0) return;
      const m = /^teachback: serving on http:\/\/127\.0\.0\.1:(\d+)\/$/.exec(out.slice(0, nl));
      if (!m) reject(new Error(`first line: ${JSON.stringify(out.slice(0, nl))}`));
      else resolve({ proc, port: Number(m[1]), stderr: () => err, line: out.slice(0, nl) });
    });
    proc.on('exit', (code) => reject(new Error(`serve exited ${code} before serving: ${err}`)));
  });
}

function stopServer(srv, signal = 'SIGTERM') {
  return new Promise((resolve) => {
    srv.proc.removeAllListeners('exit');
    srv.proc.on('exit', (code, sig) => resolve({ code, sig, stderr: srv.stderr() }));
    srv.proc.kill(signal);
  });
}

// ---- HTTP over a raw socket ---------------------------------------------

function parseResponse(buf) {
  const text = buf.toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return { status: 0, headers: [], body: '', raw: text };
  const lines = text.slice(0, end).split('\r\n');
  const status = Number(lines[0].split(' ')[1]);
  const headers = lines.slice(1).map((l) => {
    const i = l.indexOf(':');
    return [l.slice(0, i).toLowerCase(), l.slice(i + 1).trim()];
  });
  const body = Buffer.from(text.slice(end + 4), 'latin1').toString('utf8');
  return { status, headers, body, raw: text };
}

function header(r, name) {
  const h = r.headers.find(([k]) => k === name);
  return h ? h[1] : undefined;
}
function headersNamed(r, name) {
  return r.headers.filter(([k]) => k === name).map(([, v]) => v);
}

// Send raw bytes; resolve with the parsed response once the server closes.
// A dropped connection reads as status 0 (some tests expect one), with the
// socket's error, if any, kept as `error` for a failure to say why.
function rawRequest(port, data) {
  return new Promise((resolve) => {
    const sock = net.connect(port, '127.0.0.1');
    const chunks = [];
    let error = null;
    sock.on('data', (d) => chunks.push(d));
    sock.on('error', (e) => { error = e.code || e.message; });
    sock.on('close', () => resolve({ ...parseResponse(Buffer.concat(chunks)), error }));
    sock.write(data);
  });
}

function request(port, method, target, { cookie, body, headers = {} } = {}) {
  let head = `${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n`;
  if (cookie) head += `Cookie: ${cookie}\r\n`;
  for (const [k, v] of Object.entries(headers)) head += `${k}: ${v}\r\n`;
  if (body !== undefined) {
    head += 'Content-Type: application/x-www-form-urlencoded\r\n';
    head += `Content-Length: ${Buffer.byteLength(body)}\r\n`;
  }
  return rawRequest(port, head + '\r\n' + (body || ''));
}

// A browser: keeps the tb_session cookie it is given.
class Browser {
  constructor(port) { this.port = port; this.cookie = null; }
  absorb(r) {
    for (const c of headersNamed(r, 'set-cookie')) {
      const m = /^tb_session=([0-9a-f]{32});/.exec(c);
      if (m) this.cookie = `tb_session=${m[1]}`;
    }
    return r;
  }
  async get(target) {
    return this.absorb(await request(this.port, 'GET', target, { cookie: this.cookie }));
  }
  async post(target, fields) {
    const body = new URLSearchParams(fields).toString();
    return this.absorb(await request(this.port, 'POST', target, { cookie: this.cookie, body }));
  }
}

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "media-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; " +
  "frame-ancestors 'none'";

function securityHeaders(name, r, cacheControl = 'no-store') {
  eq(`${name}: Content-Security-Policy`, header(r, 'content-security-policy'), CSP);
  eq(`${name}: X-Content-Type-Options`, header(r, 'x-content-type-options'), 'nosniff');
  eq(`${name}: Referrer-Policy`, header(r, 'referrer-policy'), 'no-referrer');
  eq(`${name}: X-Frame-Options`, header(r, 'x-frame-options'), 'DENY');
  eq(`${name}: Cache-Control`, header(r, 'cache-control'), cacheControl);
  eq(`${name}: one CSP`, headersNamed(r, 'content-security-policy').length, 1);
}

const csrfOf = (html) => (/name="csrf" value="([0-9a-f]{32})"/.exec(html) || [])[1];
const stepOf = (html) => (/name="step" value="(\d+)"/.exec(html) || [])[1];
const unescape = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
  .replace(/&#39;/g, "'").replace(/&amp;/g, '&');

// The page's options as shown: [{label, text}] (webpage.lua's radio
// buttons and checkboxes: <label ...><span class="label">B)</span> text</label>).
function shownOptions(html) {
  const out = [];
  for (const m of html.matchAll(/<span class="label">([^<]*)\)<\/span> ([^<]*)<\/label>/g)) {
    out.push({ label: unescape(m[1]), text: unescape(m[2]) });
  }
  return out;
}
function shownPrompt(html) {
  const m = /class="prompt"[^>]*>([^<]*)</.exec(html);
  return m ? unescape(m[1]) : null;
}
const phaseOf = (html) => /<form[^>]* class="certainty"/.test(html) ? 'certainty'
  : /<form[^>]* class="pause"/.test(html) ? 'pause'
  : /<form[^>]* class="answer"/.test(html) ? 'answer'
  : /<form[^>]* class="confirm"/.test(html) ? 'confirm'
  : /<form[^>]* class="nurse"/.test(html) ? 'assist' : 'over';
// The page's own script tag is the only <script a page may hold.
const OWN_SCRIPT = '<script src="/static/page.js" defer></script>';

// ---- the cases -----------------------------------------------------------

async function startPage(srv) {
  const r = await request(srv.port, 'GET', '/');
  eq('GET / status', r.status, 200);
  eq('GET / content type', header(r, 'content-type'), 'text/html; charset=utf-8');
  securityHeaders('GET /', r);
  const cookies = headersNamed(r, 'set-cookie');
  eq('GET / sets one cookie', cookies.length, 1);
  check('cookie attributes', /^tb_session=[0-9a-f]{32}; HttpOnly; SameSite=Strict; Path=\/$/.test(cookies[0] || ''),
        cookies[0]);
  check('start page links bone-basics with its count and minutes',
        r.body.includes('<li><a href="/q/bone-basics">Bone metastasis — the basics</a> <span class="meta">9 questions, about 7 min</span></li>'),
        r.body.slice(0, 400));
  // The groups in the terminal menu's order.
  const order = ['For patients and families', 'After a clinic visit: check yourself', 'For nursing students']
    .map((t) => r.body.indexOf(t));
  check('start page groups in menu order', order[0] >= 0 && order[0] < order[1] && order[1] < order[2],
        JSON.stringify(order));
  eq('banner line', srv.line, `teachback: serving on http://127.0.0.1:${srv.port}/`);

  const b = new Browser(srv.port);
  await b.get('/');
  const again = await b.get('/');
  eq('a known session gets no new cookie', headersNamed(again, 'set-cookie').length, 0);

  const nf = await request(srv.port, 'GET', '/nowhere');
  eq('unknown path 404', nf.status, 404);
  securityHeaders('404', nf);
  eq('unknown quiz 404', (await request(srv.port, 'GET', '/q/no-such-quiz')).status, 404);
  eq('quiz id with a path 404', (await request(srv.port, 'GET', '/q/..%2fpatient%2fbone-basics')).status, 404);
  const post = await request(srv.port, 'POST', '/', { body: 'x=1' });
  eq('POST / is 405', post.status, 405);
  eq('405 says Allow', header(post, 'allow'), 'GET, HEAD');
  securityHeaders('405', post);
}

async function traversal(srv) {
  for (const p of ['/static/../../etc/passwd', '/static/..%2f..%2fetc%2fpasswd',
                   '/static/%2e%2e/%2e%2e/etc/passwd', '/static/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
                   '/static/....//....//etc/passwd', '/static//etc/passwd', '/static/etc/passwd',
                   '/../../etc/passwd', '/static/..\\..\\etc\\passwd', '/static/%252e%252e%252fetc']) {
    const r = await request(srv.port, 'GET', p);
    eq(`traversal ${p}`, r.status, 404);
    check(`traversal ${p} shows no file`, !r.body.includes('root:'), r.body.slice(0, 80));
  }
}

async function csrf(srv) {
  const b = new Browser(srv.port);
  const intro = await b.get('/q/bone-basics');
  eq('intro status', intro.status, 200);
  const token = csrfOf(intro.body);
  check('intro has a CSRF field', !!token);
  let r = await b.post('/q/bone-basics', {});
  eq('POST without csrf 403', r.status, 403);
  securityHeaders('403', r);
  check('403 page says the form expired', r.body.includes('<h1>This form has expired</h1>'), r.body.slice(0, 300));
  r = await b.post('/q/bone-basics', { csrf: '0'.repeat(32) });
  eq('POST with a wrong csrf 403', r.status, 403);
  r = await request(srv.port, 'POST', '/q/bone-basics', { body: `csrf=${token}` });
  eq('POST with csrf but no cookie 403', r.status, 403);
  const other = new Browser(srv.port);
  await other.get('/');
  r = await other.post('/q/bone-basics', { csrf: token });
  eq("POST with another session's csrf 403", r.status, 403);
  r = await b.post('/q/bone-basics', { csrf: token });
  eq('POST with csrf 303', r.status, 303);
  const loc = header(r, 'location') || '';
  check('303 to /a/TOKEN (32 hex digits)', /^\/a\/[0-9a-f]{32}$/.test(loc), loc);
  securityHeaders('303', r);

  // Another browser session cannot see or change the attempt.
  eq("another session's attempt GET 404", (await other.get(loc)).status, 404);
  const otherCsrf = csrfOf((await other.get('/q/bone-basics')).body);
  eq("another session's attempt POST 404",
     (await other.post(loc, { csrf: otherCsrf, step: '0', action: 'answer', choice: 'A' })).status, 404);
  eq('no cookie: attempt 404', (await request(srv.port, 'GET', loc)).status, 404);
  eq('a made-up token 404', (await b.get('/a/' + 'f'.repeat(32))).status, 404);
  eq('a token of the wrong shape 404', (await b.get('/a/' + loc.slice(3).toUpperCase())).status, 404);
  const page = await b.get(loc);
  eq('own attempt 200', page.status, 200);
  // Read-aloud: the question as WAV audio; no feedback yet; only this session.
  const wav = await b.get(loc.replace('/a/', '/speak/') + '?what=question');
  eq('speak question 200', wav.status, 200);
  eq('speak question is audio/wav', header(wav, 'content-type'), 'audio/wav');
  eq('speak question is a RIFF file', wav.raw.slice(wav.raw.indexOf('\r\n\r\n') + 4, wav.raw.indexOf('\r\n\r\n') + 8), 'RIFF');
  securityHeaders('speak', wav);
  eq('speak feedback before any answer 404', (await b.get(loc.replace('/a/', '/speak/') + '?what=feedback')).status, 404);
  eq('speak of something else 404', (await b.get(loc.replace('/a/', '/speak/') + '?what=%2e%2e')).status, 404);
  eq("speak of another session's attempt 404", (await other.get(loc.replace('/a/', '/speak/') + '?what=question')).status, 404);
  r = await b.post(loc, { step: stepOf(page.body), action: 'answer', choice: 'A' });
  eq('answer without csrf 403', r.status, 403);
  eq('refused answer stored nothing', stepOf((await b.get(loc)).body), '0');
}

// The limits: a 10 MB body, a chunked one past the limit, a slow client.
async function limits(srv) {
  const huge = await new Promise((resolve) => {
    const sock = net.connect(srv.port, '127.0.0.1');
    const chunks = [];
    sock.on('data', (d) => chunks.push(d));
    sock.on('error', () => {});
    sock.on('close', () => resolve(parseResponse(Buffer.concat(chunks))));
    sock.write('POST /q/bone-basics HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n' +
               `Content-Length: ${10 * 1024 * 1024}\r\n\r\n`);
    sock.write(Buffer.alloc(64 * 1024, 'a'));
  });
  eq('10 MB body 413', huge.status, 413);
  securityHeaders('413', huge);
  eq('served after the 10 MB body', (await request(srv.port, 'GET', '/')).status, 200);

  const chunked = await new Promise((resolve) => {
    const sock = net.connect(srv.port, '127.0.0.1');
    const chunks = [];
    sock.on('data', (d) => chunks.push(d));
    sock.on('error', () => {});
    sock.on('close', () => resolve(parseResponse(Buffer.concat(chunks))));
    sock.write('POST /q/bone-basics HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n');
    const piece = Buffer.alloc(16 * 1024, 'a');
    let sent = 0;
    const more = () => {
      if (sock.destroyed || sent >= 160) return;
      sent++;
      sock.write(`4000\r\n`);
      sock.write(piece);
      sock.write('\r\n', more);
    };
    more();
  });
  check('chunked body past 64 KiB: 413 or dropped', chunked.status === 413 || chunked.status === 0,
        String(chunked.status));
  eq('served after the chunked body', (await request(srv.port, 'GET', '/')).status, 200);

  const bigHeader = await request(srv.port, 'GET', '/', { headers: { 'X-Big': 'a'.repeat(100 * 1024) } });
  check('100 KiB of headers refused (431 or 413)', [413, 431].includes(bigHeader.status),
        String(bigHeader.status));
  eq('served after the big header', (await request(srv.port, 'GET', '/')).status, 200);

  // 200 clients at once, each answered.
  const many = await Promise.all(Array.from({ length: 200 }, () => request(srv.port, 'GET', '/')));
  // (Failing once on a busy machine, it said only how many; now it says
  // how the others ended, and what the server logged.)
  const others = {};
  for (const r of many.filter((x) => x.status !== 200)) {
    const how = r.status ? `status ${r.status}` : `dropped (${r.error || 'closed, no response'})`;
    others[how] = (others[how] || 0) + 1;
  }
  const all200 = many.filter((r) => r.status === 200).length;
  check('200 concurrent clients all 200', all200 === 200,
        `got ${all200}, want 200; the others: ${JSON.stringify(others)}; ` +
        `the server's last log: ${JSON.stringify(srv.stderr().slice(-400))}`);
}

// Slow loris, on a server of its own with --timeout 2 (on a busy machine
// a short idle limit would also drop the 200 clients above while they
// wait their turn).
async function slowLoris() {
  const srv = await startServer(['--timeout', '2']);
  // Slow loris: half a request, then silence.  Another client is served
  // after it connected, and the server drops it after --timeout (no
  // assertion on when: the machine may be busy).
  let slowClosed = false, slowData = '';
  const slow = net.connect(srv.port, '127.0.0.1');
  slow.on('error', () => {});
  slow.on('data', (d) => { slowData += d; });
  const slowGone = new Promise((resolve) => slow.on('close', () => { slowClosed = true; resolve(); }));
  await new Promise((resolve) => slow.write('GET / HTTP/1.1\r\nHost: x\r\nX-Slow: 1', resolve));
  const during = await request(srv.port, 'GET', '/');
  eq('served while a slow client hangs', during.status, 200);
  await slowGone;
  check('slow client dropped by the server', slowClosed);
  eq('slow client got no page', slowData.includes('<html'), false);

  await stopServer(srv);
}

// Take bone-basics start to finish by form posts, every answer right with
// certainty 2; return { token, lines, browser }.
function answerLine(html, quiz) {
  const prompt = shownPrompt(html);
  const q = quiz.questions.find((x) => x.prompt.trim() === (prompt || '').trim());
  if (!q) throw new Error(`question not found for prompt ${JSON.stringify(prompt)}`);
  if (q.type === 'truefalse') {
    const shown = shownOptions(html).find((o) => o.text === (q.answer ? 'True' : 'False'));
    if (!shown) throw new Error(`true/false not shown: ${JSON.stringify(shownOptions(html))}`);
    return { choice: shown.label };
  }
  if (q.type === 'single') {
    const right = q.options.find((o) => o.correct).text;
    const shown = shownOptions(html).find((o) => o.text === right);
    if (!shown) throw new Error(`option not shown: ${right}`);
    return { choice: shown.label };
  }
  if (q.type === 'teachback') return { text: RIGHT[q.id] };
  throw new Error(`no answer for type ${q.type}`);
}
let RIGHT;

async function takeQuiz(b, quiz, { stopAfter = Infinity, onStep } = {}) {
  const intro = await b.get('/q/bone-basics');
  const r = await b.post('/q/bone-basics', { csrf: csrfOf(intro.body) });
  const loc = header(r, 'location');
  const lines = [];
  return continueQuiz(b, loc, quiz, lines, stopAfter, onStep);
}

async function continueQuiz(b, loc, quiz, lines, stopAfter = Infinity, onStep) {
  for (let guard = 0; guard < 100 && lines.length < stopAfter; guard++) {
    const page = await b.get(loc);
    if (page.status !== 200) throw new Error(`GET ${loc}: ${page.status}`);
    const phase = phaseOf(page.body);
    if (phase === 'over') break;
    const fields = { csrf: csrfOf(page.body), step: stepOf(page.body) };
    if (phase === 'certainty') fields.certainty = '2';
    else if (phase === 'pause') fields.action = 'next';
    else Object.assign(fields, { action: 'answer' }, answerLine(page.body, quiz));
    const r = await b.post(loc, fields);
    if (r.status !== 303) throw new Error(`POST ${loc}: ${r.status} ${r.body}`);
    lines.push(fields);
    if (onStep) await onStep(lines, page, loc);
  }
  return { loc, lines };
}

const sha256 = (t) => require('crypto').createHash('sha256').update(t).digest('hex');

function sqlite(sql) {
  const r = spawnSync('sqlite3', [DB, sql], { encoding: 'utf8' });
  return r.stdout.trim();
}

async function replay(srv) {
  const quiz = YAML.parse(fs.readFileSync(path.join(ROOT, 'quizzes/patient/bone-basics.yaml'), 'utf8'));
  RIGHT = YAML.parse(fs.readFileSync(path.join(ROOT, 'tests/e2e/bone-basics.right.yaml'), 'utf8'));
  const b = new Browser(srv.port);
  await b.get('/');
  // A double tap: the same step posted twice changes nothing the second time.
  let doubled = false;
  const { loc, lines } = await takeQuiz(b, quiz, {
    onStep: async (ls, page, at) => {
      if (doubled || ls.length !== 1) return;
      doubled = true;
      const r = await b.post(at, ls[0]);
      eq('double submit 303', r.status, 303);
    },
  });
  const token = loc.slice(3);
  const result = await b.get(loc + '/result.json');
  eq('result.json status', result.status, 200);
  eq('result.json type', header(result, 'content-type'), 'application/json; charset=utf-8');
  const id = sqlite(`SELECT attempt_id FROM web_attempts WHERE token_hash = '${sha256(token)}'`);
  check('the store keeps the token only as its hash', /^\d+$/.test(id) &&
        sqlite(`SELECT count(*) FROM web_attempts WHERE token_hash = '${token}'`) === '0', id);
  const [seed, status, frontend, n] = sqlite(`SELECT seed, status, frontend, (SELECT count(*) FROM inputs WHERE attempt_id = ${id}) FROM attempts WHERE id = ${id}`).split('|');
  eq('attempt finished in the store', status, 'finished');
  eq('attempt frontend', frontend, 'web');
  eq('one stored input per accepted post (the double tap ignored)', Number(n), lines.length);

  // The terminal with the same seed and an answers file of the same answers.
  const answers = Object.fromEntries(Object.entries(RIGHT).map(([k, v]) => [k, { answer: v, certainty: 2 }]));
  fs.writeFileSync(path.join(TMP, 'answers.json'), JSON.stringify(answers));
  const term = spawnSync(BIN, ['run', 'bone-basics', '--seed', seed, '--answers',
                               path.join(TMP, 'answers.json'), '--json', '--no-save'], { encoding: 'utf8' });
  eq('terminal --answers exit', term.status, 0);
  eq('web result JSON = terminal run --answers', result.body.trim(), term.stdout.trim());
  // And the terminal typed the same lines (the store's): an own-words
  // answer ends with an empty line there.
  const types = Object.fromEntries(quiz.questions.map((q) => [q.id, q.type]));
  const stored = sqlite(`SELECT question_id || ' ' || hex(value) FROM inputs WHERE attempt_id = ${id} ORDER BY seq`)
    .split('\n').map((row) => { const [qid, hex] = row.split(' '); return [qid, Buffer.from(hex || '', 'hex').toString('utf8')]; });
  const typedText = stored.map(([qid, v]) => types[qid] === 'teachback' && v.length > 1 ? v + '\n' : v).join('\n') + '\n';
  const typed = spawnSync(BIN, ['run', 'bone-basics', '--seed', seed, '--json', '--no-save'],
                          { encoding: 'utf8', input: typedText });
  eq('web result JSON = terminal fed the same lines', result.body.trim(), typed.stdout.trim());
  const score = sqlite(`SELECT score, max FROM attempts WHERE id = ${id}`).split('|').map(Number);
  const json = JSON.parse(result.body);
  eq('stored score = result JSON score', score.join('/'), `${json.score}/${json.max}`);
  return { b, loc };
}

async function hostile() {
  const srv = await startServer(['--quizzes', HOSTILE]);
  const b = new Browser(srv.port);
  const pages = [];
  pages.push(await b.get('/'));
  pages.push(await b.get("/q/hostile?learner=%3Cscript%3Ealert('learner')%3C%2Fscript%3E%22%3E"));
  const intro = pages[1];
  const r = await b.post('/q/hostile', { csrf: csrfOf(intro.body), learner: "<script>alert('learner')</script>\">" });
  const loc = header(r, 'location');
  for (let i = 0; i < 20; i++) {
    const page = await b.get(loc);
    pages.push(page);
    const phase = phaseOf(page.body);
    if (phase === 'over') break;
    const fields = { csrf: csrfOf(page.body), step: stepOf(page.body) };
    // Wrong first (the feedback and hints show), then skip on.
    if (phase === 'certainty') fields.certainty = '1';
    else if (phase === 'pause') fields.action = 'next';
    else if (i === 0) { fields.action = 'hint'; }
    else if (i === 1) { fields.action = 'answer'; fields.choice = 'B'; }
    else { fields.action = 'skip'; }
    await b.post(loc, fields);
  }
  let shown = 0;
  pages.forEach((p, i) => {
    check(`hostile page ${i} status`, p.status === 200, String(p.status));
    check(`hostile page ${i}: no raw <script but the page's own`, !/<script/i.test(p.body.split(OWN_SCRIPT).join('')),
          p.body.slice(0, 200));
    check(`hostile page ${i}: no injected element`, !/<(img|svg)\b/i.test(p.body));
    if (p.body.includes('&lt;script&gt;')) shown++;
  });
  eq('hostile text shown, escaped, on every page', shown, pages.length);
  const all = pages.map((p) => p.body).join('\n');
  for (const word of ['title', 'description', 'prompt', 'option a', 'option b', 'feedback b', 'hint',
                      'safety', 'learner', 'explain', 'tf prompt', 'passage']) {
    check(`hostile ${word} reached a page, escaped`,
          all.includes(`&lt;script&gt;alert(&#39;${word}&#39;)&lt;/script&gt;`), word);
  }
  const json = await b.get(loc + '/result.json');
  eq('hostile result.json is JSON, not HTML', header(json, 'content-type'), 'application/json; charset=utf-8');
  eq('hostile result.json nosniff', header(json, 'x-content-type-options'), 'nosniff');

  // The missed-questions round: offered at the end, started by a POST,
  // recorded as a round of its own; the attempt's result stays round 1's.
  const end = pages[pages.length - 1];
  eq('hostile attempt reached its end', phaseOf(end.body), 'over');
  check('the end offers the missed questions', end.body.includes(`action="${loc}/missed"`));
  const step = String(Number(sqlite(`SELECT count(*) FROM inputs i JOIN web_attempts w ON w.attempt_id = i.attempt_id WHERE w.token_hash = '${sha256(loc.slice(3))}'`)));
  let r2 = await b.post(loc + '/missed', { step });
  eq('missed round without csrf 403', r2.status, 403);
  r2 = await b.post(loc + '/missed', { csrf: csrfOf(end.body), step: '0' });
  eq('missed round with an old step 303', r2.status, 303);
  // The page's own form, as a browser posts it.
  r2 = await b.post(loc + '/missed', { csrf: csrfOf(end.body) });
  eq('missed round 303', r2.status, 303);
  eq('missed round 303 back to the attempt', header(r2, 'location'), loc);
  const again = await b.post(loc + '/missed', { csrf: csrfOf(end.body) });
  eq('missed round posted twice: 303', again.status, 303);
  const round = await b.get(loc);
  check('round 2 begins', round.body.includes('Going over the missed questions (round 2)'), round.body.slice(0, 300));
  eq('round 2: one input more (the double post ignored)', stepOf(round.body), String(Number(step) + 1));
  eq('round 2 asks a question', phaseOf(round.body), 'answer');
  const json2 = await b.get(loc + '/result.json');
  eq('round 2 leaves the result as it was', json2.body, json.body);
  // A restart rebuilds the round from the store.
  await stopServer(srv);
  const srv2 = await startServer(['--quizzes', HOSTILE]);
  b.port = srv2.port;
  eq('round 2 after a restart: the same page', (await b.get(loc)).body, round.body);
  await stopServer(srv2);
  return;
  await stopServer(srv);
}

async function restart() {
  const quiz = YAML.parse(fs.readFileSync(path.join(ROOT, 'quizzes/patient/bone-basics.yaml'), 'utf8'));
  let srv = await startServer();
  const b = new Browser(srv.port);
  await b.get('/');
  const { loc, lines } = await takeQuiz(b, quiz, { stopAfter: 5 });
  const before = await b.get(loc);
  const reload = await b.get(loc);
  eq('reload mid-quiz: same page', reload.body, before.body);
  eq('reload mid-quiz: step', stepOf(reload.body), '5');
  const stopped = await stopServer(srv);
  eq('SIGTERM: exit 0', stopped.code, 0);
  check('SIGTERM: says it stopped', /teachback: serve: stopped \(SIGTERM\)/.test(stopped.stderr), stopped.stderr);
  srv = await startServer();
  b.port = srv.port;
  const after = await b.get(loc);
  eq('after a restart: 200', after.status, 200);
  eq('after a restart: the same page', after.body, before.body);
  await continueQuiz(b, loc, quiz, lines);
  const end = await b.get(loc);
  eq('after a restart: taken to the end', phaseOf(end.body), 'over');
  const stopped2 = await stopServer(srv, 'SIGINT');
  eq('SIGINT: exit 0', stopped2.code, 0);
}

function options() {
  const run = (args) => spawnSync(BIN, ['serve', ...args], { encoding: 'utf8', timeout: 20000 });
  const cases = [
    [['--listen', 'nonsense'], "teachback: serve: --listen needs ADDRESS:PORT (like 127.0.0.1:8080 or [::1]:8080; port 0 picks a free one), not 'nonsense'"],
    [['--listen', '127.0.0.1:70000'], "teachback: serve: --listen needs ADDRESS:PORT (like 127.0.0.1:8080 or [::1]:8080; port 0 picks a free one), not '127.0.0.1:70000'"],
    [['--threads', '0'], "teachback: serve: --threads must be a whole number from 1 to 64, not '0'"],
    [['--timeout', 'x'], "teachback: serve: --timeout must be whole seconds from 1 to 3600, not 'x'"],
    [['--cert', 'c.pem'], 'teachback: serve: --cert and --key go together (the certificate and its private key)'],
    [['--lisen', '127.0.0.1:1'], "teachback: serve: unknown option '--lisen' (did you mean --listen?)"],
    [['--quizzes', '/nonexistent'], 'teachback: serve: --quizzes /nonexistent: no such folder'],
    [['--assist=yes'], 'teachback: serve: --assist takes no value'],
    [['--db'], 'teachback: serve: --db needs a value'],
  ];
  for (const [args, want] of cases) {
    const r = run(args);
    eq(`serve ${args.join(' ')}: exit 2`, r.status, 2);
    eq(`serve ${args.join(' ')}: message`, r.stderr.split('\n')[0], want);
  }
}

async function tls() {
  const cert = path.join(TMP, 'cert.pem'), key = path.join(TMP, 'key.pem');
  const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert,
                                     '-days', '1', '-subj', '/CN=127.0.0.1'], { encoding: 'utf8' });
  if (made.status !== 0) { check('openssl made a test certificate', false, made.stderr); return; }
  const proc = spawn(BIN, ['serve', '--listen', '127.0.0.1:0', '--db', DB, '--cert', cert, '--key', key],
                     { stdio: ['ignore', 'pipe', 'pipe'] });
  const line = await new Promise((resolve) => {
    let out = '';
    proc.stdout.on('data', (d) => { out += d; if (out.includes('\n')) resolve(out.split('\n')[0]); });
    proc.on('exit', () => resolve(out));
  });
  const m = /^teachback: serving on https:\/\/127\.0\.0\.1:(\d+)\/$/.exec(line);
  check('TLS banner says https', !!m, line);
  if (m) {
    const https = require('https');
    const r = await new Promise((resolve) => {
      https.get({ host: '127.0.0.1', port: Number(m[1]), path: '/', rejectUnauthorized: false }, (res) => {
        res.resume();
        res.on('end', () => resolve(res));
      }).on('error', (e) => resolve({ statusCode: 0, headers: {}, error: e }));
    });
    eq('TLS GET / 200', r.statusCode, 200);
    check('TLS cookie is Secure', /^tb_session=[0-9a-f]{32}; HttpOnly; SameSite=Strict; Path=\/; Secure$/
          .test((r.headers['set-cookie'] || [])[0] || ''), String(r.headers['set-cookie']));
    eq('TLS CSP', r.headers['content-security-policy'], CSP);
  }
  proc.kill('SIGTERM');
  await new Promise((resolve) => proc.on('exit', resolve));
}

// The group view: the same questions for everyone; where the nurse is
// lives in the URL; every POST needs the CSRF token.
async function presentView(srv) {
  const b = new Browser(srv.port);
  const first = await b.get('/present/bone-basics');
  eq('present 200', first.status, 200);
  securityHeaders('present', first);
  check('present shows question 1 of 9', first.body.includes('<h1>Question 1 of 9</h1>'), first.body.slice(0, 300));
  eq('present without csrf 403', (await b.post('/present/bone-basics', { n: '1', action: 'next' })).status, 403);
  let r = await b.post('/present/bone-basics', { csrf: csrfOf(first.body), n: '1', action: 'next' });
  eq('present next 303', r.status, 303);
  eq('present next goes to 2', header(r, 'location'), '/present/bone-basics?n=2');
  r = await b.post('/present/bone-basics', { csrf: csrfOf(first.body), n: '2', action: 'reveal' });
  eq('present reveal', header(r, 'location'), '/present/bone-basics?n=2&revealed=1');
  const shown = await b.get('/present/bone-basics?n=2&revealed=1');
  check('present revealed shows the answer', shown.body.includes('class="reveal"'), shown.body.slice(0, 300));
  const again = await new Browser(srv.port).get('/present/bone-basics?n=2');
  eq('present: the same question for another viewer',
     (/<p class="prompt">([^<]*)</.exec(again.body) || [])[1], (/<p class="prompt">([^<]*)</.exec(shown.body) || [])[1]);
  eq('present of an unknown quiz 404', (await b.get('/present/nope')).status, 404);
  eq('present n out of range is clamped', (await b.get('/present/bone-basics?n=999')).status, 200);
}

// Kiosk: "Done" ends the browser session (a new cookie), so the last
// patient's attempt does not open; nurse check with --assist.
async function kioskAssist() {
  const quiz = YAML.parse(fs.readFileSync(path.join(ROOT, 'quizzes/patient/bone-basics.yaml'), 'utf8'));
  RIGHT = YAML.parse(fs.readFileSync(path.join(ROOT, 'tests/e2e/bone-basics.right.yaml'), 'utf8'));
  const srv = await startServer(['--kiosk=2', '--assist']);
  const b = new Browser(srv.port);
  const start = await b.get('/');
  check('kiosk pages carry the Done form', start.body.includes('<form method="post" action="/done" id="done-form">'));
  const intro = await b.get('/q/bone-basics');
  const loc = header(await b.post('/q/bone-basics', { csrf: csrfOf(intro.body) }), 'location');
  let sawNurse = false;
  for (let guard = 0; guard < 100; guard++) {
    const page = await b.get(loc);
    const phase = phaseOf(page.body);
    if (phase === 'over') break;
    const fields = { csrf: csrfOf(page.body), step: stepOf(page.body) };
    if (phase === 'certainty') fields.certainty = '2';
    else if (phase === 'pause') fields.action = 'next';
    else if (phase === 'assist') { sawNurse = true; fields.action = 'keep'; }
    else Object.assign(fields, { action: 'answer' }, answerLine(page.body, quiz));
    await b.post(loc, fields);
  }
  check('--assist: the nurse checks the teach-back answer', sawNurse);
  const id = sqlite(`SELECT attempt_id FROM web_attempts WHERE token_hash = '${sha256(loc.slice(3))}'`);
  eq('--assist attempt frontend', sqlite(`SELECT frontend || ' ' || status FROM attempts WHERE id = ${id}`), 'web-assist finished');
  const old = b.cookie;
  eq('/done without csrf 403', (await b.post('/done', {})).status, 403);
  const done = await b.post('/done', { csrf: csrfOf(start.body) });
  eq('/done 303', done.status, 303);
  eq('/done to the start page', header(done, 'location'), '/');
  check('/done gives a new session', b.cookie && b.cookie !== old, `${old} -> ${b.cookie}`);
  eq("after /done the last patient's attempt is 404", (await b.get(loc)).status, 404);
  await stopServer(srv);
  const plainSrv = await startServer();
  eq('/done without --kiosk 404', (await new Browser(plainSrv.port).post('/done', {})).status, 404);
  await stopServer(plainSrv);
}

// A Lua error (here the store loses a table under the server's feet) is a
// plain 500 page with the fixed headers, and its message, with the module
// and line, goes to the log; the server goes on serving.
async function luaError() {
  const db = path.join(TMP, 'broken.db');
  const proc = spawn(BIN, ['serve', '--listen', '127.0.0.1:0', '--db', db, '--threads', '1'],
                     { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  proc.stderr.on('data', (d) => { err += d; });
  const port = await new Promise((resolve) => {
    let out = '';
    proc.stdout.on('data', (d) => { out += d; const m = /:(\d+)\/\n/.exec(out); if (m) resolve(Number(m[1])); });
  });
  const b = new Browser(port);
  const intro = await b.get('/q/bone-basics');
  spawnSync('sqlite3', [db, 'DROP TABLE web_attempts']);
  const r = await b.post('/q/bone-basics', { csrf: csrfOf(intro.body) });
  eq('a Lua error is a 500', r.status, 500);
  securityHeaders('500', r);
  eq('500 is plain text', header(r, 'content-type'), 'text/plain; charset=utf-8');
  eq('still serving after a 500', (await b.get('/')).status, 200);
  proc.kill('SIGTERM');
  await new Promise((resolve) => proc.on('exit', resolve));
  eq('no warnings from libmicrohttpd', /Warning/.test(err), false);
  check('the 500 is logged with its module and line', /teachback: serve: error in web\.handle:\n  [^\n]*no such table: web_attempts\n[\s\S]*engine\/lua\/web\.lua:\d+:/.test(err), err);
}

async function main() {
  options();
  const srv = await startServer();
  try {
    await startPage(srv);
    await traversal(srv);
    await csrf(srv);
    await limits(srv);
    await replay(srv);
    await presentView(srv);
  } finally {
    const s = await stopServer(srv);
    eq('no Lua errors logged', /error in web|bad response/.test(s.stderr), false);
  }
  await slowLoris();
  await hostile();
  await restart();
  await kioskAssist();
  await luaError();
  await tls();
}

main().catch((e) => { failed++; console.log(`FAIL ${e.stack || e}`); }).finally(() => {
  fs.rmSync(TMP, { recursive: true, force: true });
  console.log(`web: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
});
