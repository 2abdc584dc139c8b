-- webassets.lua: the web pages' style sheet and their one script,
-- embedded in the binary with the engine's modules.  /static/NAME serves
-- an entry of this fixed table by its exact name: no path from a URL ever
-- reaches the file system.
--
-- The pages work without the script; it only adds reading aloud (the
-- browser's own voice where it has one, else the server's audio) and, on
-- a kiosk, the return to the start page after the tablet lies idle.

local M = {}

local CSS = [[
/* teachback: one column, large type, large targets, visible focus. */
*, *::before, *::after { box-sizing: border-box; }
/* A control the script has not switched on (read aloud) stays out of sight. */
[hidden] { display: none !important; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0; padding: 0 1rem 2rem; color: #1a1a1a; background: #fff;
  font: 1.125rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  overflow-wrap: break-word; word-wrap: break-word;
}
main, header.site, footer.kiosk { max-width: 42rem; margin: 0 auto; }
header.site { padding: 0.75rem 0; border-bottom: 1px solid #767676; margin-bottom: 1rem; }
header.site a { font-weight: 700; color: #1a1a1a; text-decoration: none;
                display: inline-block; min-height: 44px; padding: 0.5rem 0; }
a { color: #0b57d0; }
a:hover { color: #083f99; }
a.back { display: inline-block; min-height: 44px; padding: 0.6rem 0; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.35rem; line-height: 1.3; margin: 1.25rem 0 0.5rem; }
h3 { font-size: 1.15rem; margin: 1rem 0 0.5rem; }
p { margin: 0.5rem 0; }
.quiz-title { color: #4a4a4a; font-size: 1rem; font-weight: 600; margin: 0; }
.skip { position: absolute; left: -9999px; top: 0; }
.skip:focus { left: 1rem; top: 0.5rem; background: #fff; padding: 0.5rem 1rem; z-index: 10; }
.vh { position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px;
      overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
:focus-visible { outline: 3px solid #0b57d0; outline-offset: 3px; }
a:focus-visible, button:focus-visible { outline: 3px solid #0b57d0; outline-offset: 3px;
  box-shadow: 0 0 0 6px #fff; }

/* Quizzes on the start page: each link a large target. */
ul.quizzes { list-style: none; padding: 0; margin: 0; }
ul.quizzes li { border-bottom: 1px solid #d0d0d0; padding: 0.25rem 0; }
ul.quizzes a { display: inline-block; min-height: 44px; padding: 0.5rem 0; font-weight: 600; }
.meta { display: block; color: #4a4a4a; font-size: 1rem; }

/* Buttons: at least 48 px tall, full width on a narrow screen. */
.button {
  display: inline-block; min-height: 48px; min-width: 48px; margin: 0.25rem 0.5rem 0.25rem 0;
  padding: 0.6rem 1.1rem; font: inherit; font-weight: 600; line-height: 1.3;
  color: #0b57d0; background: #fff; border: 2px solid #0b57d0; border-radius: 0.5rem;
  cursor: pointer; text-align: center;
}
.button:hover { background: #e8f0fe; }
.button.primary { color: #fff; background: #0b57d0; }
.button.primary:hover { background: #083f99; }
.button.quiet { color: #3d3d3d; border-color: #767676; }
.button.move { min-width: 44px; font-size: 1rem; padding: 0.4rem 0.7rem; }
.actions { margin: 1rem 0; display: flex; flex-wrap: wrap; gap: 0.5rem; }
.actions .button { margin: 0; }
@media (max-width: 30rem) { .actions .button { flex: 1 1 100%; } }

/* Answer options: the whole row is the target. */
fieldset { border: 0; padding: 0; margin: 0 0 1rem; min-width: 0; }
legend { padding: 0; }
.prompt { font-size: 1.25rem; font-weight: 600; margin: 0.5rem 0 0.75rem; }
legend.prompt { display: block; width: 100%; }
fieldset fieldset legend { font-weight: 600; margin-top: 0.75rem; }
.option { position: relative; margin: 0.5rem 0; }
.option input { position: absolute; left: 0.9rem; top: 1.05rem; width: 1.4rem; height: 1.4rem;
                margin: 0; accent-color: #0b57d0; }
.option label { display: block; min-height: 48px; padding: 0.75rem 0.75rem 0.75rem 3rem;
                border: 2px solid #767676; border-radius: 0.5rem; cursor: pointer; }
.option input:checked + label { border-color: #0b57d0; background: #e8f0fe; }
.option input:focus-visible + label { outline: 3px solid #0b57d0; outline-offset: 3px; }
.label { font-weight: 700; }
.row { margin: 0.75rem 0; }
.row label { display: block; font-weight: 600; margin-bottom: 0.25rem; }
select, input[type=text], textarea {
  font: inherit; width: 100%; max-width: 100%; min-height: 48px; padding: 0.5rem;
  border: 2px solid #595959; border-radius: 0.4rem; background: #fff; color: #1a1a1a;
}
textarea { min-height: 8rem; }
ol.order { padding-left: 1.5rem; }
ol.order li { margin: 0.5rem 0; padding: 0.5rem; border: 2px solid #767676; border-radius: 0.5rem; }
.order-text { display: block; }
.moves { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-top: 0.25rem; }
.moves .button { margin: 0; }

/* How sure: three large buttons. */
.sure { display: flex; flex-wrap: wrap; gap: 0.75rem; }
.button.big { flex: 1 1 9rem; min-height: 64px; font-size: 1.2rem; }
@media (max-width: 30rem) { .button.big { flex-basis: 100%; } }
.small { display: block; font-size: 0.95rem; font-weight: 400; }

/* Feedback. */
.feedback { border-left: 6px solid #0b57d0; padding: 0.25rem 0 0.25rem 1rem; margin: 1rem 0; }
.verdict { font-weight: 700; font-size: 1.25rem; }
.verdict.right { color: #1b5e20; }
.verdict.right::before { content: "\2713  "; }
.verdict.partial { color: #6b4400; }
.verdict.wrong { color: #a4161a; }
.verdict.wrong::before { content: "\2717  "; }
ul.notes, ul.bullets, ul.items, ul.bars { padding-left: 1.25rem; }
.note.right strong { color: #1b5e20; }
.note.wrong strong, .note.notquite strong { color: #a4161a; }
.note.missed strong { color: #6b4400; }
figure.passage { margin: 1rem 0; }
figure.passage figcaption { font-weight: 600; }
blockquote { margin: 0.25rem 0 0; padding: 0.25rem 0 0.25rem 1rem; border-left: 4px solid #767676;
             color: #2b2b2b; }
.box { border: 3px solid #a4161a; background: #fdecea; border-radius: 0.5rem;
       padding: 0.5rem 1rem; margin: 1rem 0; color: #1a1a1a; }
.box-title { color: #a4161a; text-transform: uppercase; letter-spacing: 0.05em; }
.notice { border: 3px solid #6b4400; background: #fff4e0; padding: 0.5rem 1rem;
          border-radius: 0.5rem; font-weight: 600; }
.hint { color: #3d3d3d; }
.assist { border: 3px solid #0b57d0; border-radius: 0.5rem; padding: 0.5rem 1rem; }
figure.said { margin: 0.5rem 0 1rem; }
figure.said figcaption { font-weight: 600; }
.answer { font-size: 1.25rem; border-left: 6px solid #1b5e20; padding-left: 0.75rem; }
.answer strong { color: #1b5e20; }

/* Topic bars: the words say it; the bar only repeats it. */
.bar-label { font-weight: 600; }
.bar { display: block; height: 0.6rem; background: #0b57d0; border-radius: 0.3rem;
       max-width: 100%; margin: 0.25rem 0; }
.bar.w0 { width: 0.3rem; background: #767676; } .bar.w1 { width: 10%; } .bar.w2 { width: 20%; }
.bar.w3 { width: 30%; } .bar.w4 { width: 40%; } .bar.w5 { width: 50%; } .bar.w6 { width: 60%; }
.bar.w7 { width: 70%; } .bar.w8 { width: 80%; } .bar.w9 { width: 90%; } .bar.w10 { width: 100%; }

/* The group view: one question, large, for a room. */
.present h1 { font-size: 1.4rem; }
.present .prompt { font-size: 1.6rem; }
.present ul.items { font-size: 1.35rem; list-style: none; padding-left: 0; }
.present ul.items li { margin: 0.5rem 0; }
footer.kiosk { border-top: 1px solid #767676; margin-top: 2rem; padding-top: 1rem; }
@media (min-width: 60rem) { .present { max-width: 56rem; } main { max-width: 48rem; } }
@media (prefers-reduced-motion: reduce) { * { transition: none !important; } }
]]

local JS = [[
// teachback: read aloud, and a kiosk's idle return.  The pages work
// without this script; it only adds to them.
(function () {
  'use strict';
  var synth = window.speechSynthesis;
  function hasVoice() {
    return !!(synth && window.SpeechSynthesisUtterance && synth.getVoices().length > 0);
  }
  if (synth && synth.getVoices) synth.getVoices();   // voices load late in some browsers

  function readAloud(button) {
    var target = document.getElementById(button.getAttribute('data-read'));
    var text = target ? (target.innerText || target.textContent || '') : '';
    if (hasVoice() && text.trim() !== '') {
      synth.cancel();
      var u = new SpeechSynthesisUtterance(text);
      u.lang = document.documentElement.lang || 'en';
      u.rate = 0.9;
      synth.speak(u);
      return;
    }
    // No voice here: the server's own audio of the same text.
    var audio = button.nextElementSibling;
    if (!audio || audio.tagName !== 'AUDIO') {
      audio = document.createElement('audio');
      audio.controls = true;
      audio.preload = 'none';
      audio.src = button.getAttribute('data-speak');
      button.parentNode.insertBefore(audio, button.nextSibling);
    }
    var p = audio.play();
    if (p && p.catch) p.catch(function () {});
  }

  var buttons = document.querySelectorAll('button[data-speak]');
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].hidden = false;
    buttons[i].addEventListener('click', function (e) { readAloud(e.currentTarget); });
  }

  // A kiosk goes back to the start after data-idle seconds without a touch,
  // ending the browser session the way "Done" does.
  var idle = parseInt(document.body.getAttribute('data-idle') || '0', 10);
  if (idle > 0) {
    var timer = 0;
    var reset = function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var done = document.getElementById('done-form');
        if (done) done.submit(); else window.location.href = '/';
      }, idle * 1000);
    };
    ['pointerdown', 'keydown', 'input', 'scroll', 'touchstart'].forEach(function (ev) {
      window.addEventListener(ev, reset, { passive: true });
    });
    reset();
  }
})();
]]

-- name -> { type, body }.  Looked up with rawget: only these names exist.
M.files = {
  ["style.css"] = { type = "text/css; charset=utf-8", body = CSS },
  ["page.js"] = { type = "text/javascript; charset=utf-8", body = JS },
}

-- The asset called exactly `name`: its content type and body, or nil.
function M.get(name)
  if type(name) ~= "string" then return nil end
  local f = rawget(M.files, name)
  if not f then return nil end
  return f.type, f.body
end

return M
