-- speech.lua: read-aloud audio for a page's text, and the cache that
-- keeps it.  The audio is made by host.speak_wav (eSpeak NG run as a
-- separate program, engine/speech.c); this module decides what is spoken,
-- with which voice and speed, and what is kept.
--
-- The cache is a folder of WAV files, $XDG_CACHE_HOME/teachback/speech/
-- (else ~/.cache/teachback/speech/), one file per spoken text named by the
-- SHA-256 of voice, speed and text, so the same text is made once and a
-- change of voice never plays stale audio.  Files are written to a
-- temporary name and renamed, so a reader never sees half a file; when the
-- folder passes its size bound the oldest files go first.  Nothing here
-- touches the network.

local M = {}

M.VOICE = "en-us"
-- Slower than eSpeak NG's 175 words a minute: the listeners are patients
-- who read with difficulty, hearing medical words for the first time.
M.WPM = 140
M.CACHE_BYTES = 64 * 1024 * 1024
M.TEXT_MAX = 4000            -- bytes; engine/speech.c refuses more

-- The text as it is spoken: control characters become spaces, runs of
-- space collapse, and the ends are trimmed.
function M.normalize(text)
  text = text:gsub("[%c]", " "):gsub("%s+", " ")
  return (text:gsub("^ ", ""):gsub(" $", ""))
end

-- The cache file's name for a text (already normalized).
function M.key(text, voice, wpm)
  return host.sha256_hex(("%s\n%d\n%s"):format(voice, wpm, text))
end

-- The cache folder, made if absent; or nil, message.
function M.dir()
  local home, err = host.cache_home()
  if not home then return nil, err end
  local dir
  for _, part in ipairs({ home, "/teachback", "/speech" }) do
    dir = (dir or "") .. part
    local ok, merr = host.make_dir(dir)
    if not ok then return nil, merr end
  end
  return dir
end

local function is_wav(bytes)
  return #bytes >= 44 and bytes:sub(1, 4) == "RIFF" and bytes:sub(9, 12) == "WAVE"
end

-- Remove the oldest files until the folder holds at most `bound` bytes,
-- never `keep` (the file just written).  Returns how many went.
function M.trim(dir, bound, keep)
  local files, total = host.files_with_sizes(dir, ".wav"), 0
  for _, f in ipairs(files) do total = total + f.size end
  if total <= bound then return 0 end
  table.sort(files, function(a, b)
    if a.mtime ~= b.mtime then return a.mtime < b.mtime end
    return a.path < b.path
  end)
  local removed = 0
  for _, f in ipairs(files) do
    if total <= bound then break end
    if f.path ~= keep and host.remove_file(f.path) then
      total = total - f.size
      removed = removed + 1
    end
  end
  return removed
end

-- The WAV for text: from the cache, else made and kept.  opts (all
-- optional): dir (the cache folder), bytes (its bound), voice, wpm.
-- Returns wav, "cache"|"made" or nil, message.  A cache that cannot be
-- written still gives the audio: read-aloud must not fail for a full disk.
function M.wav(text, opts)
  opts = opts or {}
  local voice, wpm = opts.voice or M.VOICE, opts.wpm or M.WPM
  text = M.normalize(text or "")
  if text == "" then return nil, "read-aloud: nothing to read" end
  if #text > M.TEXT_MAX then
    return nil, ("read-aloud: the text is %d bytes, more than %d"):format(#text, M.TEXT_MAX)
  end
  local dir = opts.dir or M.dir()
  local path = dir and (dir .. "/" .. M.key(text, voice, wpm) .. ".wav")
  if path then
    local bytes = host.read_text(path, 32 * 1024 * 1024)
    if bytes and is_wav(bytes) then return bytes, "cache" end
  end
  local wav, err = host.speak_wav(text, voice, wpm)
  if not wav then return nil, err end
  local bound = opts.bytes or M.CACHE_BYTES
  if path and #wav <= bound and host.write_file(path, wav) then
    M.trim(dir, bound, path)
  end
  return wav, "made"
end

return M
