-- lexicon.lua: the words every teach-back question shares.
--
-- A teach-back answer is judged by phrases (types/teachback.lua).  Many
-- questions listen for the same ideas: acting (call, phone, go to), the
-- people and places that count as help (the care team, the 24-hour line,
-- the emergency department), delays (tomorrow, when the clinic opens),
-- hedges (maybe, I might), negations, and the lay words and abbreviations
-- people use for them (A&E, ER, mets, doc).  They live here once, so that
-- authors write `<action> * <target>` instead of forty phrases, and so that
-- a fix reaches every question.
--
-- Classes are lists of phrases in the teach-back phrase language (a lone
-- `*` for up to three words, `word*` for a prefix); a quiz may add entries
-- to a class, or new classes, under its top-level `lexicon:` field.  A
-- phrase names a class as `<name>`.
--
-- LAY maps what people type to the words the phrases are written in; it is
-- applied to the learner's words before matching ("a and e" -> "emergency
-- department").  PHONE maps common phone and sound-alike spellings to the
-- word meant ("cal" -> "call").  Both are plain tables of words: no
-- pattern is ever built from them.

local util = require("util")

local M = {}

-- The set of the words (runs of letters) of a list written as one string:
-- `local SET = M.words([[a b c]])` is SET = {a = true, b = true, c = true}.
-- (In C, host.word_set, where the engine runs: a gmatch over every list
-- cost each start about a million instructions.  In Lua where this file is
-- read at build time, scripts/lexvocab.lua.)
function M.words(s)
  if host then return host.word_set(s) end
  local set = {}
  for w in s:gmatch("%a+") do set[w] = true end
  return set
end

M.CLASSES = {
  -- Doing something to get help.
  action = { "call*", "phone*", "telephon*", "ring*", "rang", "contact*", "go to", "go straight to",
             -- (a student's "a painful, swollen limb escalated to the team
             -- immediately")
             "escalat*", "bleep*",
             "go in to", "go into", "going to", "gone to", "get to", "get me to", "get myself to",
             -- ("I'd go straight up to the hospital", "head right over to A&E")
             "go straight up to", "go straight down to", "go straight over to", "go right up to",
             "go right to", "go right over to", "head* straight * to", "head* right * to",
             "head* up to", "head* down to", "head* over to",
             "head* to", "rush* to", "take me to", "drive me to", "straight to",
             -- ("Straight up to emergency, mate")
             "straight up to", "straight down to", "straight over to", "straight round to",
             -- ("My mother, if she have fever, I take her to the emergency at
             -- once")
             "take her to", "take him to", "drive her to", "drive him to", "bring her to",
             "bring him to",
             "get in touch", "get hold of", "speak to", "talk to", "let * know", "tell", "tells",
             "telling", "told",
             "see a", "see the", "see my", "text*", "page", "dial*", "get help", "get seen",
             "seek* help", "ask* for help", "attend*",
             -- Lay and regional ways of calling: "buzz the ward", "give them a
             -- bell", "get on the blower to the team".
             "buzz*", "give * a bell", "give * a ring", "give * a call", "give * a buzz",
             "give * a shout", "give * a tinkle", "on the blower", "on the phone to",
             "get on to", "get onto", "call out", "summon*", "alert*", "notify", "inform*",
             "get myself seen", "get checked", "go up to", "go down to", "go in", "nip to",
             "pop to", "take myself to", "take me in", "take me into", "take her in", "take her into",
             "drive me in", "drive her in", "run me to", "run me down to", "run me up to",
             "run me in", "run her to", "run her down to", "run her up to", "run her in", "get through to", "straight on to", "straight onto",
             "be on to", "be onto", "mention*", "bring * up", "raise it", "report* to",
             "report* * to",
             -- "I'd use the out-of-hours number", "on the telephone to the ward".
             "use the", "use my", "use their", "on the telephone to", "on the phone to",
             -- (without the "to", as some learners of English say it: "I go hospital now")
             "go hospital", "go the hospital", "going hospital", "go emergency", "go straight hospital",
             -- ("I'd be first on the phone", "be on the phone at 8")
             "be on the phone", "first on the phone", "on the phone first thing",
             -- ("I'd be on that 24-hour line faster than you can say it")
             "be on that", "be on the line", "on the line to", "be on the * line",
             -- ("Fat sore leg, I grab the phone that instant.")
             "grab the phone", "grab my phone", "pick up the phone", "reach for the phone",
             -- ("First I'd try the oncology line, right then")
             "try the", "try my", "try their" },
  -- Who or where counts as clinical help.
  target = { "them", "they", "care team", "team", "cancer team", "oncology team", "nurse*",
             "cancer nurse*", "doctor*", "oncologist*", "consultant*", "specialist*",
             "clinic", "hospital*", "helpline", "hotline", "24 hour*", "on call", "out of hours",
             "emergency department", "emergency number", "emergency line", "emergenc*",
             "ambulance", "paramedic*", "999", "911", "112", "triage", "ward",
             "acute oncology", "medical team", "the number", "that number", "this number", "line", "number they gave",
             "urgent care", "medical help", "special number", "phone number", "help line", "oncology", "chemo unit", "chemo ward",
             "day unit", "assessment unit", "advice line", "cancer line", "the unit",
             "emergency service*", "key worker", "keyworker", "cns", "duty doctor",
             "on-call", "out-of-hours", "acute oncology", "after hours", "answering service",
             "registrar*",
             -- ("the breast unit", "the cancer sister at the hospital")
             "unit", "ward sister", "cancer sister", "breast care sister", "chemo sister",
             "breast clinic", "cancer centre", "cancer center", "night sister",
             -- ("get hold of the cancer lot on the phone")
             "cancer lot", "oncology lot", "chemo lot", "hospital lot",
             -- ("I call the cancer number now")
             "cancer number", "hospital number", "chemo number", "ward number",
             "oncology number", "clinic number",
             -- ("Ring the day-and-night number now", "the night line")
             "night number", "night line", "day and night number", "day and night line",
             "cancer phone", "hospital phone", "ward phone",
             "round the clock number", "round the clock line" },
  -- Help that needs no verb: "straight to the emergency department", "999".
  emergency = { "emergency department", "emergency number", "ambulance", "999", "911", "112",
                "paramedic*" },
  -- Acting now, said in words.
  now = { "now", "right now", "straight away", "right away", "immediately", "at once", "asap",
          "urgent*", "quick*", "fast", "there and then", "this minute", "this second",
          "without delay", "day or night", "tonight", "middle of the night", "at night",
          "no matter what time", "whatever the time", "any time", "as soon as", "even if",
          "even at", "even in the", "straight off", "pronto", "no waiting", "no hanging about",
          "before the kettle", "right off", "right then",
          -- ("I'd ring them at 2am, 3am, whenever it happened")
          "whenever it happen*", "whenever it start*", "whenever it come*",
          -- ("ring the number right then, at 2 in the morning or whenever")
          "or whenever",
          -- ("I ring the chemo line at whatever hour")
          "whatever hour",
          "then and there", "that night", "that very minute", "the very minute",
          "that very moment", "the very moment", "no dilly", "no dallying", "no dawdling",
          "never mind the hour", "whatever the hour", "no matter the hour", "before ive even",
          "before i even", "before id even", "before i have even",
          "finished the sentence", "finished her sentence", "finished his sentence",
          "that minute", "the minute", "the moment", "that moment", "this moment",
          "in that moment", "before anything else", "no messing", "this instant",
          "within * minutes", "on the way", "without a second thought", "before i could",
          "before i * finished", "same minute", "never mind what time", "whatever time",
          "any hour", "sooner the better", "the sooner",
          -- (the older "directly": "I'd be on the telephone to them directly")
          "directly", "drop everything", "on the spot",
          -- ("on the phone before she could tell me it's just a cold")
          "before * could", "before anyone",
          -- ("I'd already be on the phone to the chemo ward")
          "already be", "already on the",
          -- ("this very minute", "no matter the hour I'd phone", "the second I noticed")
          "this very minute", "this very second", "that very second", "the very moment",
          "no matter the hour", "no matter the time", "no matter how late", "whatever the hour",
          "the second i", "the second she", "the second he", "the second it",
          "the second they", "the second we", "in the same moment", "the same moment", "forthwith",
          "that same moment", "that same minute", "that same second", "same moment", "right there",
          "that instant", "the instant", "that second", "1am or not", "2am or not", "3am or not",
          "4am or not", "before i even", "before id even", "before i had even",
          "before * sat down",
          "straightaway", "rightaway", "no wait for morning", "no wait till morning",
          "no wait for tomorrow",
          -- ("a painful swollen limb warrants immediate contact with the team")
          "immediate", "before you could say", "before you can say", "faster than you can say",
          "quicker than you can say", "faster than you could say", "quicker than you could say",
          -- ("on the 24-hour line in two minutes flat")
          "minutes flat", "seconds flat",
          -- ("I don't care what time it is, I'm calling"; "I'd call them at
          -- 2am without thinking twice")
          "dont care what time", "do not care what time", "doesnt matter what time",
          "does not matter what time", "without thinking twice", "wouldnt think twice",
          -- ("I'd ring them instantly", "the second the thermometer showed a
          -- temperature")
          "instantly", "the second the", "the minute the", "the instant the",
          -- ("I'd telephone the ward, night or no night")
          "night or no night", "night or not",
          -- ("I phone the number for cancer, also in the night")
          "also in the night", "also at night", "in the night too", "at night too",
          "would not think twice", "without a second thought" },
  -- Lines that are there for now: calling one with nothing put off is
  -- acting now ("I'd call the 24-hour line").
  urgent_line = { "24 hour", "out of hours", "after hours", "on call", "acute oncology", "triage",
                  "hotline" },
  -- Putting the call off.  Negated ("I would not wait until the morning")
  -- they do not count.
  delay = { "tomorrow", "morning", "in the morning", "the morning", "next morning", "till morning", "til morning",
            "until morning", "till * morning", "until * morning", "first thing", "next day",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "weekend", "next week", "next month", "next visit", "next appointment",
            "tea time", "teatime", "lunchtime", "lunch time", "dinner time", "dinnertime", "bedtime",
            "after * school run", "after school",
            -- ("I'll be home from work by seven, so I can sit with you while
            -- you call")
            "be home from work", "be back from work", "be home by", "be back by",
            -- ("then ring them as soon as it's 8 o'clock": a clock time after
            -- "as soon as" is a wait for it)
            "as soon as * oclock", "as soon as its 1*", "as soon as its 2*", "as soon as its 3*",
            "as soon as its 4*", "as soon as its 5*", "as soon as its 6*", "as soon as its 7*",
            "as soon as its 8*", "as soon as its 9*",
            "next clinic", "next time", "next check*", "when * open*", "once * open*",
            "till * open*", "until * open*", "til * open*",
            "in two weeks", "in 2 weeks", "in three weeks", "in 3 weeks", "in a week",
            "in a fortnight", "in two days", "in 2 days", "in three days", "in 3 days",
            "open* * morning", "later", "after * rest*", "after * sleep*", "after * nap",
            "in a while", "in a few", "in a day", "in a couple", "a few days", "few hours",
            "couple of days", "couple of hours", "wait and see", "see if", "see how",
            "see what happens", "if * worse", "if * not * better", "if * still", "if * not go* away",
            "if * persist*", "if * continu*", "if * carr* on", "if * last*", "if * keep*",
            "if * not stop*", "if * bad", "if * get* bad*", "if * not * pass*", "if it does not",
            "then * call*", "then * phone*", "then * ring*", "then * go", "eventually",
            -- ("I'd sit up in my chair and then telephone")
            "then * telephon*", "then * rang", "then * contact*", "then * dial*", "then * head*",
            -- ("till it was light")
            "till * light", "until * light", "til * light", "daylight", "first light", "dawn",
            "sunrise", "sun * up",
            "at some point", "sometime", "when i can", "when i get * chance", "when * wake*",
            "when * get up", "during the day", "in the day", "office hours", "working hours",
            "soon", "not urgent*",
            -- Waiting for a decent hour, a condition, or an appointment.
            "daylight", "when * light", "once * light", "sociable hour*", "decent hour*",
            -- ("ring them at first light")
            "first light", "daybreak", "dawn", "sunrise", "sun * up",
            -- ("I'd ring them in an hour or two")
            "hour or two", "an hour or so",
            "reasonable hour*", "normal hour*", "civilised hour*", "civilized hour*", "sensible hour*",
            "proper hour*", "respectable hour*", "when they * in", "when they * back",
            "at 7", "at 8", "at 9", "7am", "8am", "9am", "after * weekend",
            "if * no better", "if * not * settle*", "if * not * eas*", "if * not * improv*",
            -- ("I'd take my pain tablets and if they didn't work in an hour
            -- or two I'd ring": a time given them, not "if the line didn't
            -- work", the team out of reach.)
            "if * not work* in a", "if * not work* in an", "if * not work* after", "if * not work* by",
            "if * not work* within",
            "if * not * come down", "if * not coming down", "if * not * coming down", "if * not * go* down", "make * appointment",
            "book * appointment", "get * appointment", "book me in", "book in",
            "decent time", "normal time", "reasonable time", "sensible time", "sociable time",
            "proper time", "civilised time", "civilized time", "daytime", "day time",
            "in a bit", "a bit later", "in a little while", "in an hour", "in half an hour", "after an hour",
            "after half an hour",
            "when shes up", "when hes up", "when theyre up", "when * awake", "once * awake", "after * breakfast", "after * tea",
            "after * coffee", "after * shower", "after * bath", "after * lunch",
            -- ("Call the team now for a painful leg. Well, after my walk")
            "after * walk", "after * dinner", "after * supper", "after * nap", "after * programme",
            "after * program", "after the news", "after * shift",
            -- ("I'd get my daughter to drive me to the hospital after she
            -- finishes work")
            "after * finish*", "once * finish*", "when * finish*", "after work",
            "after i get up", "in the week", "this week", "during the week", "next few days",
            "kip", "after * lie down", "at my next", "at her next", "at the next", "next chemo",
            "next treatment", "next review", "next scan", "next cycle", "next blood*",
            "next session", "within 24", "within a day", "within * days", "if * not walk*",
            "if * weaker", "for an appointment", "whenever", "no rush", "no hurry",
            "get a minute", "got a minute", "until about", "till about", "day staff",
            "day shift", "day team", "day or two", "day or so", "opening hours", "opening times",
            "clinic hours", "after a day or two",
            "after a day or so", "after a couple of days", "after a few days", "when * gets back", "when * get back",
            "when * gets home", "when * get home", "when * gets here", "when * get here",
            "once * home", "once * back", "once * here", "should * persist*", "should * continu*",
            "should * last*", "should * worsen*", "should * get worse", "at six", "at seven", "at eight", "at nine", "at ten", "at 6",
            "at 10", "6am", "10am", "hour apart", "hours apart", "two readings", "second reading",
            "scan results", "at my scan", "fortnight", "when i * see her", "when i * see him",
            "when i next see", "dawn", "mention it at clinic", "mention it at the clinic", "it overnight", "after ive had", "after i have had", "after i had", "keep checking", "as soon as * light", "soon as * light", "as soon as * morning",
            "as soon as * open*", "as soon as * day", "alarm for",
            -- (a morning hour, roughly: "ring them at about 7"; "at about
            -- 2am" is the night, now)
            "at about 6*", "at about 7*", "at about 8*", "at about 9*", "at around 6*", "at around 7*",
            "at around 8*", "at around 9*", "around 6am", "around 7am", "around 8am", "around 9am",
            "about 6am", "about 7am", "about 8am", "about 9am",
            -- ("ring them at about six when it's not so antisocial")
            "at about six", "at about seven", "at about eight", "at about nine", "at around six",
            "at around seven", "at around eight", "at around nine", "antisocial", "anti social",
            "finish* * shift", "after * shift", "end of * shift",
            -- ("or maybe after the holiday, honestly")
            "after * holiday*", "after * trip", "back from holiday",
            -- ("go up to the hospital when the buses start running")
            "first bus", "first train", "bus* start*", "train* start*", "when * bus* run*" },
  -- What makes an "if" clause before a call a wait for the sign to change
  -- ("if the weakness got any worse I'd call"), wherever in the clause it
  -- stands.
  worsen = { "worse", "worsen*", "still", "persist*", "continu*", "last*", "keep* on", "stay*",
             "remain*",
             -- (a student's "call the 24h line if sx progress overnight")
             "progress*",
             "more than", "also", "for 24", "for * hour*", "for * day*", "for a while", "for long",
             -- (or for the time, or a person: "as soon as the surgery opens",
             -- "when my husband gets back")
             "open*", "get* back", "gets home", "get home", "gets here", "get here",
             "arriv*", "comes home", "come home", "comes round", "come round", "comes over",
             "come over",
             "keep* going", "carr* on", "no better", "not * better", "not * go* away",
             "not * settle*", "not * eas*", "not * improv*", "not * pass*", "not * stop*",
             "not * come down", "not * go* down", "bad", "weaker", "spread*",
             -- ("If it went over 38 twice I would call")
             "twice", "two times", "second time" },
  -- What makes an "if" clause before the only call a threshold: help
  -- sought only if the sign is bad enough ("if it was serious, like chest
  -- pain, I'd ring 911") is not acting now on the sign itself.  No belief
  -- that waiting is fine is heard in it.
  severity = { "serious*", "severe*", "emergenc*", "bad enough", "really bad", "very bad",
               -- ("I'd ring the 24 hour line if I started shivering": a
               -- second sign coming on top of the fever; "if you get hot and
               -- shivery" is the fever itself)
               "start* shiver*", "start* shaking", "start* to shiver", "start* to shake",
               "that bad", "so bad", "really unwell", "very unwell", "really ill", "very ill",
               "really poorly", "very poorly", "gave way", "give way", "gives way", "collaps*",
               -- (the emergency number's own signs: "if I'm struggling to
               -- breathe or get chest pain I'd dial 911")
               "struggl* to breathe", "cant breathe", "not breathe", "trouble breathing",
               "short of breath", "chest pain*", "unconscious", "passed out", "not be woken",
               -- (the sign itself grown: "if the legs got really weak")
               "really weak", "very weak", "too weak", "so weak", "really swollen", "very swollen",
               "really high", "very high", "really painful", "very painful",
               -- ("if my legs went properly weak, like I couldn't stand up")
               "properly weak", "properly swollen", "properly high", "properly bad",
               "properly ill", "properly unwell", "not stand*" },
  -- The same wait said with "unless": "unless it settled down I'd call".
  improve = { "settl*", "better", "eas*", "improv*", "pass*", "go* away", "go* down",
              "come down", "clear*", "calm* down", "drop*", "fall*" },
  -- Reading up before deciding: "I'd check the leaflet first, then ring".
  -- It holds the call back, but is no belief that waiting is fine.
  lookup = { "google*", "look * up", "look up", "search*", "leaflet", "booklet", "forum",
             "website", "online", "internet", "read up", "symptom checker", "facebook",
             "check * list", "look on", "look in" },
  -- Asking someone who is not clinical help before deciding: "I'd ask my
  -- husband what he thinks first", "text my daughter and if she says go".
  consult = { "what * think*", "what * say*", "what * reckon*", "ask * first", "check with * first",
              -- ("Well, I'd text my sister first, she's a nurse, and if she
              -- said ring then I'd ring")
              "text * first", "message * first", "if * said * ring*", "if * said * call*",
              "if * says * ring*", "if * says * call*",
              "run it by", "run it past", "if * say* go", "if * say* so", "if * reckon*",
              "if * think* * should", "if * agree*", "if * think* * serious", "see if * think*" },
  -- Computed, not listed: a delay that holds an action back
  -- ("ring them tomorrow"; a hedge, "maybe I would call", is no belief);
  -- for misconceptions.
  held = {},
  -- Beliefs, as classes a misconception combines ("<stop> * <when> *
  -- <better>", "<minimise> * <cold>"), so that a belief said in new words
  -- is still heard.
  -- Stopping a medicine.
  stop = { "stop*", "quit*", "come off", "knock * off", "pack * in", "give * up", "ditch*", "leave off",
           "cut * out", "no longer take", "skip*", "miss* a few", "leave * off",
           "miss* some", "pause*", "take a break", "have a break", "no need", "cut down",
           "cut * down", "reduc*", "lower*", "taper*", "wean*" },
  -- A condition of time.
  when = { "when", "once", "if", "after", "as soon as", "the day", "soon as", "until", "till" },
  -- Feeling better, or a reason of one's own to stop.
  better = { "better", "well", "fine", "good", "gone", "go away", "clear*", "side effect*",
             "improv*", "settl*", "normal", "back to normal", "ok", "okay", "alright", "all right", "done",
             "over", "heal*", "headache* go*", "headache* stop*", "pain* go*", "bad",
             "too much", "get* to me", "bother* me", "sick of", "fed up", "ache*" },
  -- Making little of a sign.
  minimise = { "just", "only", "simply", "merely", "probably", "bit of", "touch of", "mild",
               "minor", "likely", "bound to be", "sure it is", "prob", "probs", "prolly" },
  -- Everyday illnesses a fever is taken for.
  cold = { "cold", "flu", "bug", "virus", "viruses", "viral", "chill", "sniffle*", "cough", "hay fever",
           "going round", "run down", "another flush", "the heat", "hot weather", "hot flush*", "menopaus*",
           "overdo*", "something i ate", "tired*" },
  -- Everyday causes back pain is taken for.
  strain = { "arthritis", "sciatica", "slipped disc", "disc", "lumbago", "wear and tear",
             "sprain*", "strain*", "slept * funny", "slept * wrong", "mattress", "posture",
             "sitting too long", "sat too long", "sitting * car",
             -- ("gardening" is "garden" once stemmed, and so "a garden hose":
             -- the work named with what goes with it.)
             "overdid it", "overdone it", "lifting", "been gardening", "the gardening",
             "from gardening", "after gardening", "too much gardening", "doing * garden*",
             "in the garden", "digging", "weeding", "pulled something",
             "pull* * muscle", "pull* * back", "my bad back", "usual bad back", "old back", "my age", "getting old*",
             "old age", "backs do that", "backs play up", "pulled", "chiropractor", "osteopath",
             "backs out", "back is out", "put * back out", "creak*", "rheumati*",
             -- (a muscle named as the cause; "my leg muscles are weak" is the sign)
             "muscle only", "only * muscle", "just * muscle", "muscular", "muscle thing", "from carrying",
             "carrying * bags", "carrying * shopping", "backs * better on * own" },
  -- A sign made little of, without naming a cause.
  -- (A negation word in a phrase stands for any negation: "nothing to
  -- worry" would match "try not to worry", so none is listed.)
  minor = { "no big deal", "not a big deal", "will pass", "sure * fine", "probably fine",
            "nothing new",
            "blow over", "probably nothing", "prob nothing", "likely nothing",
            "good sign" },
  -- A new cancer of the place it spread to: "a bone tumour", "a bone one".
  organ = { "bone", "bones", "spine", "spinal", "lung", "lungs", "liver", "brain" },
  growth = { "cancer*", "tumour*", "tumor*", "one", "growth*", "lump*" },
  -- Treatment by chance or money.
  chance = { "luck*", "lottery", "random*", "hit and miss", "hit or miss", "trial and error",
             "experiment*", "trying things", "try* things out", "afford*", "money", "cost*",
             "cheap*", "insurance", "postcode", "private", "better than mine",
             "better hospital", "better doctor*" },
  -- The end of hope.
  fatal = { "game over", "end of the road", "no hope", "hopeless", "death sentence",
            "going to die", "gonna die", "dying", "die soon", "not long left",
            "not long to live", "months to live", "weeks to live", "time is up",
            "days are numbered", "nothing * can do", "nothing left", "pointless",
            "terminal", "final stage", "last stage", "end stage", "waiting to die",
            "affairs in order", "till the end", "until the end", "til the end",
            "near the end", "not got long", "not have long", "not * much time",
            "not long for this world", "borrowed time", "dragging * out" },
  -- Conditions that hold back only an action said before them: "call them
  -- once the painkillers wear off", "ring unless it settles", "she can ring
  -- if she's worried" (but "once I saw it I rang straight away", "if I was
  -- worried I'd call at once").
  condition = { "once", "unless", "only if", "depending on", "depends on", "if * stay*", "if * worr*", "if * concerned", "if needed",
                "if necessary", "if * want*", "if * feel* like it", "if you like", "if i like", "if she like*",
                -- (not "if it was something like I couldn't breathe": a sign)
                "if he like*", "if they like", "if * like it" },
  -- Hedges: the action is only a maybe.
  hedge = { "maybe", "might", "perhaps", "probably", "possibly", "suppose", "guess",
            "not sure", "think about", "consider*", "could", "may", "try to", "or not",
            "probs", "prob", "whether", "wonder*", "tempted", "likely", "if i should", "should i", "shall i",
            "do i", "ponder*", "debat*", "in two minds", "dunno", "not know if",
            "decide if", "decide whether", "if * worth", "whether * worth", "like to think",
            "hope i would", "hope id", "i hope i", "sure * serious", "sure * worth",
            -- ("I think I would call the 24 hour line": unsure, unless a word
            -- of now says otherwise, see blockers())
            "i think i would", "i think id", "i think ill", "i think i will" },
  -- Putting help off without naming a delay: "I'd hold off", "sit tight".
  -- Said (not negated) anywhere in an answer, an urgent point is not
  -- clearly covered.
  putoff = { "wait*", "hold off", "hang on", "hold on", "put * off", "sit tight", "sit on it",
             -- (the call left to the learner: "most fevers on this drug turn
             -- out to be nothing much, so use your own judgement")
             "own judgement", "own judgment", "judge for yourself", "up to you",
             -- ("The weak legs though, I'd leave them a day or two and see")
             "leave * a day", "leave * day or", "leave * a few", "leave * a couple", "leave * for a",
             -- ("I'd probably give it an hour or two first")
             "give it an hour", "give it * hours", "give it * hour or",
             "sleep on it", "leave it", "leave * till", "leave * until", "hold fire",
             -- ("and then once I'd slept on it, I'd ring")
             "once * slept on it", "after * slept on it", "when * slept on it",
             -- ("my legs always go a bit weak after chemo, so I'd give them
             -- till tomorrow and see")
             "give * till", "give * until", "give * til",
             "wait and see", "give it * time", "give it a day", "give it a few", "give it till",
             "give it until", "give it til", "give till", "give until", "give til", "give a few",
             "give * a few days", "give * couple of days", "see whether * pass*", "see whether * <improve>", "ride it out",
             "tough it out", "see how * go*", "see what happens", "see if * settl*",
             -- ("Actually, I'd see how it was in the morning first")
             "see how it was", "see how it is", "see how i am", "see how i was",
             "have a sleep", "have a nap", "have a lie down", "have a rest", "get some sleep",
             "go to sleep", "sleep first", "rest first", "straight after", "lie on the sofa",
             -- ("id lie flat for a bit and if the legs dont come back by tea time")
             "lie flat", "lay flat", "lie still",
             "lie on the settee", "lie on the couch", "hope it * off", "hope * wear* off",
             "hope * pass*", "hope * go* away", "hope for the best", "get * rest",
             "try * rest",
             "see if * pass*", "save it", "save * for",
             -- (something else first, to see if the sign goes: "maybe a cool
             -- bath first, to see if it drops")
             "see if * <improve>", "watch * overnight", "whether it comes down", "monitor * overnight", "bath first", "shower first", "paracetamol first",
             "tablet* first", "painkiller* first", "medicine first", "cool down first",
             -- ("a temperature on its own I'd watch for a day")
             "watch * for a day", "watch for a day", "watch * for * days", "watch for * days",
             "watch * for a while", "watch for a while",
             -- ("but just a temperature on its own I'd watch for a bit")
             "watch * for a bit", "watch for a bit",
             -- ("a mild temperature on its own you can watch for a few hours";
             -- "if it was my leg I'd just put it up"; "a bit of pain can keep
             -- till the clinic opens")
             "watch * for a few", "watch for a few", "watch * for * hour*", "watch for * hour*",
             "put it up", "put * feet up", "put * leg* up", "put * arm* up", "elevat*",
             -- ("A swollen arm, though, I'd just keep it raised and see")
             "keep * raised", "keep it raised", "prop * up",
             -- ("The legs, though, I'd give a day or two"; "An arm, though,
             -- I'd just rest"; "a sore swollen leg I'd just rest with my
             -- feet up")
             -- (the learner's own rest: "they'll tell me to rest it" is
             -- advice after the call)
             "give * day or two", "give * day or so", "id just rest*", "ill just rest*", "id rest it", "ill rest it",
             "rest up", "feet up",
             -- ("Mind you, I'd probably rest it overnight first")
             "rest * overnight", "rest it first",
             "keep till", "keep until", "keep til",
             -- ("a temperature with a runny nose is just a cold, I'd sit that
             -- one out")
             "sit * one out", "sit it out", "sit that out", "id sit * out", "ill sit * out",
             -- ("…they just told me to take paracetamol, so this time I'd
             -- skip the call": the call put off by name.)
             "skip* the call", "skip* a call", "skip* the phone call", "skip* calling", "skip* ringing",
             "skip* phoning" },
  -- Not wanting to be a trouble, said after the call with a contrast ("I'd
  -- want to call but I wouldn't want to make a fuss"): the call is taken back.
  reluctance = { "not want * <bother>", "not want * wake", "hate * wake", "run off * feet",
                 "rushed off * feet", "not like * <bother>",
                 "hate * <bother>", "make a fuss", "feel * <bother>", "feel * silly",
                 "feel * stupid", "be a <bother>", "be * <bother>", "feel * awful",
                 "feel * bad", "feel * terrible", "feel * guilty", "better things to do",
                 "too busy", "so late", "be a pain", "being a pain", "right pain",
                 "such a pain", "not want * be a pain", "drag* * away", "just for me",
                 "take * away from",
                 -- ("it is not polite", "the doctors are sleeping", "they've
                 -- enough on without me", "no sense getting the whole
                 -- hospital up", "they're very busy people")
                 "not polite", "impolite", "rude to", "are asleep", "are sleeping", "be asleep",
                 "be sleeping", "enough on without", "whole hospital", "very busy", "so busy",
                 -- ("the doctor is sleeping", "the doctors need their sleep too")
                 "doctor* is sleeping", "doctor* is asleep", "nurse* is sleeping", "nurse* is asleep",
                 "need their sleep", "needs their sleep", "not * be that person",
                 -- ("I wouldn't dream of ringing anybody at that hour", "no
                 -- need to drag anyone out of bed", "I don't want to be that
                 -- patient", "busy people with poorly patients")
                 "not dream of ring*", "not dream of call*", "not dream of phon*",
                 "not dream of wak*", "no need * out of bed", "no sense * out of bed",
                 "no point * out of bed", "no need * wak*", "no point getting * up",
                 "no sense getting * up", "no need * getting * up", "not * be that patient",
                 "busy people", "poorly patients", "sicker patients" },
  -- Being a trouble to the team.
  bother = { "bother*", "nuisance", "trouble*", "burden", "hassle", "pest", "fuss",
             "disturb*", "annoy*", "waste * time" },
  -- Wrong actions a negation may sweep up with it ("not lie down and wait").
  wait = { "wait*", "rest*", "lie", "lying", "lay", "sit*", "sat", "sleep*", "stay*", "leave",
           "ignor*", "skip*", "delay*", "put off", "hold off", "hang on", "take*", "treat*",
           "manage" },
  -- People who are not clinical help.
  person = { "son", "daughter", "husband", "wife", "partner", "friend*", "sister", "brother",
             "mum", "mom", "mother", "dad", "father", "family", "neighbour*", "neighbor*",
             "kid*", "child*", "boyfriend", "girlfriend", "mate", "aunt", "uncle", "niece",
             "nephew", "grandson", "granddaughter", "carer", "pharmacist", "chemist",
             -- ("I'd phone the pharmacy right away")
             "pharmacy", "pharmacies", "chemists",
             -- Help, but not for a red flag at night: the family doctor's
             -- surgery is for another day; the 24-hour line is for now.
             -- ("my GP's out-of-hours service": the GP's, not the team's.)
             "gp", "gps", "family doctor", "surgery", "google", "internet" },
  -- Telling the team (side effects to report: "I'd mention the flushes
  -- to the nurse"; a side effect named alone is no report).
  tell = { "tell*", "told", "mention*", "report*", "let * know", "bring * up", "raise",
           "flag*", "inform*", "discuss*", "talk* to", "talk* about", "speak* to", "say*",
           "ask*", "call*", "phone*", "ring*", "rang", "contact*", "want* to know",
           "need* to know", "want* to hear", "note*", "write*", "diary", "keep * informed",
           "update*", "save* * for" },
}

-- Words that stop a negation: a contrast, or a new clause with its own
-- subject ("I would not wait I would phone").  "and" and "or" do not stop
-- it: "I would not lie down and wait" negates both.
M.CONTRAST = M.words([[but instead rather though although however whereas except otherwise so because
  cos coz cuz then unless yet]])
-- The learner speaking of themselves: "so I'd ring", "but we'd go".
M.SPEAKER = M.words([[i id ill im ive we wed]])
M.SUBJECT = M.words([[i id ill im ive you youd youll we wed weve she shed shell he hed hell they theyd
  theyll]])

-- Two words that deny what follows: "different from a bone cancer".
M.DENY = { different = { from = true, to = true }, instead = { of = true },
           rather = { than = true }, as = { opposed = true },
           -- ("It's the opposite of HRT, it takes oestrogen away")
           opposite = { of = true, to = true } }

-- Negation words (also the apostrophe-less forms phones type).
M.NEGATIONS = M.words([[not no never none nothing nobody nowhere neither nor without cannot
  dont doesnt didnt isnt arent wasnt werent wont wouldnt cant couldnt shouldnt
  hasnt havent hadnt mustnt neednt aint shant dnt wouldn wudnt wudn shudnt cudnt
  didn doesn isn wasn dont nobodys wldnt wdnt cdnt shldnt]])

-- Lay words and abbreviations -> the words phrases are written in.  Keys
-- are normalised word sequences; the longest key wins.  "er" and "ed" are
-- too common as sounds and endings to rewrite alone: "ER" in capitals is
-- rewritten before the text is lower-cased, and "the er", "to er" here.
M.LAY = {
  ["a e"] = "emergency department", ["a and e"] = "emergency department",
  ["a n e"] = "emergency department", ["a amp e"] = "emergency department",
  ["a&e"] = "emergency department", ["ae"] = "emergency department",
  ["the er"] = "the emergency department", ["to er"] = "to emergency department",
  ["to the er"] = "to the emergency department", ["the ed"] = "the emergency department",
  ["emergency room"] = "emergency department", ["emergency dept"] = "emergency department",
  ["emergency unit"] = "emergency department", ["casualty"] = "emergency department",
  ["accident and emergency"] = "emergency department", ["e r"] = "emergency department",
  ["emerg"] = "emergency department",
  ["2 b"] = "to be", ["2 be"] = "to be", ["want 2"] = "want to",
  ["mets"] = "metastases", ["met"] = "metastasis", ["secondaries"] = "secondary cancer",
  ["breast ca"] = "breast cancer", ["ca cells"] = "cancer cells",
  -- (a student's "suspected MSCC")
  ["mscc"] = "metastatic spinal cord compression",
  ["aos"] = "acute oncology service",
  -- (a student's notes: "if sx progress", "bleeped the onc reg")
  ["sx"] = "symptoms", ["reg"] = "registrar", ["regs"] = "registrars",
  -- (advice for a spine at risk, no rest in place of help: "ring triage
  -- now, ED if no answer. lie flat if pain on movement")
  ["lie flat if pain on"] = "flat if pain on", ["lay flat if pain on"] = "flat if pain on",
  ["bone shots"] = "bone injections", ["bone shot"] = "bone injection",
  ["bone jabs"] = "bone injections", ["bone jab"] = "bone injection",
  ["white count"] = "white blood cell count", ["wbc"] = "white blood cells",
  ["white cells"] = "white blood cells", ["blood counts"] = "blood count",
  ["doc"] = "doctor", ["docs"] = "doctors", ["dr"] = "doctor", ["drs"] = "doctors",
  ["onc"] = "oncologist", ["oncol"] = "oncologist",
  ["24hr"] = "24 hour", ["24hrs"] = "24 hour", ["24h"] = "24 hour", ["24 hr"] = "24 hour",
  ["24 hrs"] = "24 hour", ["24 h"] = "24 hour", ["24hour"] = "24 hour",
  ["twenty four hour"] = "24 hour", ["24 7"] = "24 hour", ["24 seven"] = "24 hour",
  ["asap"] = "right away", ["str8"] = "straight", ["rn"] = "right now",
  -- ("so just hold on to this": keep it in mind, no wait.)
  ["hold on to"] = "keep hold of", ["hold onto"] = "keep hold of",
  -- ("call the team straight away, tonight if need be": even tonight.)
  ["tonight if need be"] = "even tonight", ["tonight if needs be"] = "even tonight",
  ["tonight if necessary"] = "even tonight",
  -- ("ring the dr 4 an appt": for.)
  ["4 an"] = "for an", ["4 a"] = "for a", ["appt"] = "appointment", ["appts"] = "appointments",
  -- ("But if I'm honest I'd lie there till 6": candour, no condition.)
  ["if im honest"] = "honestly", ["if i am honest"] = "honestly",
  ["if im being honest"] = "honestly", ["if i am being honest"] = "honestly",
  ["if i was honest"] = "honestly", ["if im truthful"] = "honestly",
  -- ("I know I'm supposed to call them": what is expected, no hedge.)
  ["supposed to"] = "meant to", ["suppose to"] = "meant to",
  -- ("111, the non-emergency number": no emergency number.)
  ["non emergency"] = "routine", ["non urgent"] = "routine",
  -- ("it's hard to tell sometimes": not knowing, and how often, not a
  -- telling put off.)
  ["hard to tell"] = "hard to know", ["difficult to tell"] = "difficult to know",
  ["sometimes"] = "at times",
  -- The older word for a senior nurse: "the sister on the cancer unit".
  ["ward sister"] = "ward nurse", ["sister on the ward"] = "nurse on the ward",
  ["sister on the unit"] = "nurse on the unit", ["sister on the cancer"] = "nurse on the cancer",
  ["sister on the chemo"] = "nurse on the chemo", ["sister on the oncology"] = "nurse on the oncology",
  ["sister on duty"] = "nurse on duty", ["sister on call"] = "nurse on call",
  -- Rhyming slang: "on the dog and bone to the ward".
  ["dog and bone"] = "phone", ["on the blower"] = "on the phone",
  ["round the clock"] = "24 hour", ["around the clock"] = "24 hour",
  -- Doubting oneself is no hedge on the call: "stop second-guessing and ring".
  ["second guessing"] = "doubting", ["second guess"] = "doubt",
  ["yrs"] = "years", ["no1"] = "no one",
  ["brekkie"] = "breakfast", ["brekky"] = "breakfast",
  ["temp"] = "temperature", ["temps"] = "temperature",
  -- A walk-in centre is not where a red flag is seen, and its "walk" is
  -- no word about walking.
  ["walk in centre"] = "drop in centre", ["walk in center"] = "drop in centre",
  ["walk in clinic"] = "drop in clinic", ["walkin centre"] = "drop in centre",
  -- A waiting room is a place, not a wait: "I'd rather sit in that waiting
  -- room than lie at home wondering".
  -- ("prob ring in the am": the morning; "I am" is left alone.)
  ["in the am"] = "in the morning", ["the am"] = "the morning",
  ["waiting room"] = "lobby", ["waiting area"] = "lobby", ["waiting list"] = "list",
}

-- Phone and sound-alike spellings: one word -> the word meant.
M.PHONE = {
  tel = "tell", cal = "call", anser = "answer", answr = "answer", infecshun = "infection", infeckshun = "infection",
  infekshun = "infection", cels = "cells", imune = "immune",
  cll = "call", calll = "call", rite = "right", ryt = "right", rit = "right",
  strait = "straight", stright = "straight", staight = "straight", strate = "straight",
  imediatly = "immediately", imediately = "immediately", immediatly = "immediately",
  emediately = "immediately", emidiatly = "immediately", emidiately = "immediately",
  imidiatly = "immediately", immidiately = "immediately", telefon = "telephone",
  telefone = "telephone",
  canser = "cancer", cancr = "cancer", kancer = "cancer",
  swolen = "swollen", swollan = "swollen", sweling = "swelling", swellin = "swelling",
  evry = "every", evrey = "every", evey = "every", everyday = "every day",
  tmrw = "tomorrow", tmw = "tomorrow", tmoz = "tomorrow", tomoz = "tomorrow",
  tomorow = "tomorrow", tommorow = "tomorrow", tommorrow = "tomorrow", tomorro = "tomorrow",
  ["2moro"] = "tomorrow", ["2moz"] = "tomorrow", ["2mz"] = "tomorrow", tomoro = "tomorrow",
  tmrow = "tomorrow", tmorrow = "tomorrow", ["2morow"] = "tomorrow", nxt = "next", wk = "week",
  wkend = "weekend", l8r = "later", l8ter = "later", latr = "later", mornng = "morning",
  morng = "morning", ["2morrow"] = "tomorrow", ["2mrw"] = "tomorrow", ["2day"] = "today",
  nite = "night", tonite = "tonight", mornin = "morning", morn = "morning",
  docter = "doctor", doctr = "doctor", dokter = "doctor", nurce = "nurse", nurs = "nurse",
  hospitl = "hospital", hosp = "hospital", hospial = "hospital",
  emergancy = "emergency", emergecy = "emergency", emergeny = "emergency",
  u = "you", ur = "your", yr = "your", r = "are", wud = "would", wd = "would", cud = "could",
  shud = "should", b4 = "before", bcoz = "because", becuz = "because",
  cuz = "because", coz = "because", cos = "because", tho = "though", thru = "through",
  wen = "when", wat = "what", wot = "what", dis = "this", dat = "that", da = "the",
  fone = "phone", fon = "phone", phn = "phone", ph = "phone", rng = "ring",
  pls = "please", plz = "please", gona = "gonna", n = "and", wanna = "want to", b = "be",
  pil = "pill", pils = "pills",
  wate = "wait", wayt = "wait", feaver = "fever", fevr = "fever", temprature = "temperature",
  tempreture = "temperature", infecton = "infection", infekshun = "infection",
  dentis = "dentist", dentst = "dentist", teath = "teeth", jor = "jaw",
  spinel = "spinal", legz = "legs", numm = "numb",
  rly = "really", rlly = "really", realy = "really", v = "very", vry = "very", unwel = "unwell",
}

-- Words never changed by the spelling check: common English words one
-- letter away from a word in the phrase lists (mother/bother, later/water).
-- What a choice turned down follows, with "than": "rather ring than wait".
M.PREFER = M.words([[rather better sooner prefer prefers preferred]])

-- Who a call waited for may come from: "for her to ring back".
M.OTHER_CALLER = M.words([[her him them someone somebody anyone anybody nurse doctor team
  they he she]])

M.KNOWN = M.words([[mother bother brother other rather father later water matter latter
  moan moans moaned moaning mourning letter better bitter butter fitter taken token tired tried timed times tones bones
  lines liner cared cares cured curer cures caring curing calls falls walls halls
  wells tells bells rings sings kings wings things thing think thank drink drank
  phones shone stone store story stare start smart chart heart hears years yearn
  learn leave least lease liver lover river never fever sever seven eleven often
  doses dozes nurse purse curse horse house mouse hourly early yearly nearly
  clearly dearly sweat sweet sheet spent spend sends bends tends lends mends sleep
  steep sweep creep weeks seeks peeks leaks weak week wake woke awake aware swear
  spread spear speak sneak break bread tread dread treat great grate crate state
  stage stale scale scare spare share shore chore chose those these there where
  whole while white write wrote quite quiet quit quick quack thick trick bring
  being begin began given giver liver later laser lower power tower mower sower
  hired fired wired wider rider cider taker maker baker waker cancel theyre youre
  thinks reckons believes trying thought through tough]])

-- Small word sets the teach-back rules read (types/teachback.lua says
-- what each is for, where it is used).
M.ASKING = { is = true, are = true, was = true, were = true, does = true, ["do"] = true,
             did = true, will = true, would = true, could = true, can = true, should = true,
             might = true, may = true, has = true, have = true, shall = true }
M.ASK_OPENER = { well = true, but = true, so = true, ["and"] = true, ok = true, okay = true,
                 um = true, er = true, erm = true, hmm = true, oh = true, actually = true }
M.FIRST_TIME = { cycle = true, time = true, round = true, course = true, dose = true,
                 treatment = true, week = true }
-- ("When I first started I had a sore leg and left it": a beginning told
-- with a past verb after it is a story.)
M.BEGAN = { started = true, began = true }
-- ("Tomorrow might be too late": the delay is what they fear, not a plan.)
M.MIGHT = { might = true, may = true, could = true, would = true, will = true, can = true }
-- A lack said with a negation is the point, not its denial: "the body
-- cannot fight the germs", "my blood hasn't got its usual defences".
M.FIGHT = { fight = true, fighting = true, ward = true, resist = true }
M.GERMS = { infection = true, infections = true, germ = true, germs = true, bug = true,
            bugs = true, bacteria = true }
M.DEFENCE = { defences = true, defenses = true, defence = true, defense = true,
              immunity = true }
M.LACK_FILL = { got = true, have = true, has = true, any = true, its = true, my = true,
                the = true, usual = true, normal = true, much = true, enough = true,
                proper = true, her = true, your = true, their = true }
-- An urge the learner sets aside in the next sentence ("My first
-- instinct would be to leave it. But…").
M.URGE = { instinct = true, tempted = true, tempting = true, urge = true }
M.SET_ASIDE = { but = true, however = true, though = true, still = true }
-- Planned visits and the words that may join them before "don't matter"
-- ("her next appointment and bloods don't matter here").
M.VISIT = { appointment = true, appointments = true, visit = true, bloods = true, scan = true,
            checkup = true, review = true, tests = true }
M.WAVED_JOIN = { ["and"] = true, ["or"] = true, bloods = true, blood = true, tests = true,
                 test = true, scan = true, scans = true, dont = true, doesnt = true,
                 ["do"] = true, does = true, ["not"] = true, really = true }
-- Verbs of wishing ("I am not want to disturb them").
M.WISH = { want = true, wanting = true, like = true, wish = true }
-- Talking oneself into something: "I'm not going to tell myself it's
-- just my age", "I won't kid myself".
M.SELF_TALK = { tell = true, kid = true, fool = true, convince = true, persuade = true,
                pretend = true }
-- A belief called wrong ("That's wrong for us on these tablets").
M.WRONG = { wrong = true, rubbish = true, nonsense = true, untrue = true, myth = true,
            ["false"] = true, incorrect = true, bollocks = true }
-- Advice remembered, not asked for ("what the nurse said").
M.RECALLED = { said = true, told = true, thought = true, reckoned = true }
M.DETERMINER = { the = true, a = true, an = true, my = true, our = true, her = true, his = true,
                 their = true, this = true, that = true }
-- Words that lean on a belief ("it's probably just a strain"), unlike
-- "could" or "might", which only grant it.
M.PROBABLE = { probably = true, prob = true, probs = true, prolly = true, likely = true,
               most = true }
-- The verb between a wait and "worst" ("waiting is the worst thing").
M.WORST_VERB = { is = true, s = true, would = true, could = true, was = true }
-- ("Then the nurse explained it's a steroid": what put a belief right.)
M.PUT_RIGHT = { explained = true, told = true, said = true, corrected = true }
-- ("I'd phone anyway", "Phone first.": going ahead, the prompt names who.)
M.ANYWAY = { anyway = true, anyhow = true, regardless = true, first = true }
-- ("My sister would tell me to wait but...": advice, see mark_advice_refused.)
M.ADVISE = { tell = true, say = true, says = true, said = true, told = true, tells = true }
-- ("it can cover up a fever": what hides the sign.)
M.MASK = { cover = true, mask = true, hide = true, disguise = true }
M.SIGN = { fever = true, fevers = true, temperature = true, temperatures = true, sign = true,
           signs = true, symptoms = true }
-- ("So next time I'll call": "next time" opening its clause.)
M.NEXT_OPENER = { so = true, ["and"] = true, but = true, ["then"] = true }
-- ("if not so bad": the milder way, see if_not_bad.)
M.SEVERE = { bad = true, serious = true, severe = true, high = true }
M.ONCE_MIND = { thought = true, assumed = true, believed = true, figured = true, felt = true,
                used = true, reckoned = true }
M.HAVE_SOMEONE = { my = true, the = true, a = true, an = true, her = true, him = true,
                   them = true, someone = true, somebody = true, our = true, your = true,
                   his = true, their = true, me = true, us = true }
M.REST_PLACE = { bed = true, sleep = true, home = true }
M.MEAN = { mean = true, means = true }
M.LOSS = { losing = true, lose = true, damage = true, paralysis = true, paralysed = true,
           paralyzed = true, permanent = true }
M.JOIN = { ["and"] = true, ["then"] = true, but = true, ["or"] = true, so = true }
M.OTHERWISE = { otherwise = true, ["else"] = true }
M.TEAM_WISH = { want = true, need = true, ask = true, say = true, decide = true, think = true,
                advise = true, tell = true }
M.TEAM_WHO = { they = true, theyd = true, theyll = true, team = true, doctor = true,
               nurse = true, nurses = true, doctors = true }
M.LIST_PAIRS = { all = { that = true, this = true, of = true }, those = { terms = true, words = true },
                 ["and"] = { so = true } }
M.LIST_WORDS = { jargon = true, etc = true, words = true, remember = true }
M.REPORT_SAY = { think = true, thinks = true, believe = true, believes = true, assume = true,
                 assumes = true, assumed = true, thought = true, believed = true, say = true,
                 says = true, said = true, saying = true, reckon = true, reckons = true,
                 worry = true, worries = true, fear = true, fears = true,
                 -- ("Everyone keeps calling it my chemo but it isn't.")
                 calling = true,
                 -- ("People keep telling me to take a Lemsip. No.")
                 telling = true, tells = true, told = true }
-- Chores put off for the call ("everything else can wait", "the washing
-- can wait").
M.ALL_ELSE = { everything = true, anything = true }
M.CHORE_OWNER = { the = true, my = true, our = true, his = true, her = true, your = true }
M.CAN = { can = true, will = true, could = true, ["must"] = true }
-- What a wait is for ("no wait for morning" is no "no wait, scratch that").
M.WAIT_FOR = { ["for"] = true, till = true, til = true, ["until"] = true }
-- Some people, many patients: others in general.
M.SOME = { some = true, many = true, most = true, lots = true, other = true }
M.NOT_HELP = { ["111"] = true }
M.NHS_LINE = { ["111"] = true, ["24"] = true, direct = true, helpline = true, line = true }
M.THEM = { them = true, they = true, em = true }
M.GENERAL = { general = true, public = true, support = true, macmillan = true, charity = true,
               charitys = true,
               -- ("the drug company's patient helpline")
               company = true, companys = true, manufacturer = true, manufacturers = true,
               -- ("the pharmacy advice line on the leaflet": a line for
               -- questions about a medicine, not for a fever on it.)
               pharmacy = true, pharmacist = true, pharmacists = true, chemist = true,
               chemists = true }
-- Being well again: "if I'm not right by the morning".
M.WELL = { right = true, well = true, better = true, ok = true, okay = true, fine = true,
           alright = true, myself = true, broken = true, broke = true, gone = true }
-- What is left: "I'd leave it", "leave that one", "leave a few days".
M.LEFT_WHAT = { a = true, it = true, that = true, this = true, them = true }
M.EVERY = { every = true, each = true, evry = true }
M.LEAVE_IT = { leave = true, ignore = true, watch = true, monitor = true, rest = true,
               observe = true }
-- Words between "I'd" and the verb: "I'd just rest", "I'd probably leave".
-- Telling, not calling: "don't wait to tell the doctor at your next visit".
-- (Teach-back's softer actions are these and "see text attend notify".)
M.TELLING_WORDS = "tell mention report raise bring inform let speak talk"
M.TELLING = M.words(M.TELLING_WORDS)
-- Not minded about a sign: "the arm I wouldn't worry about".
M.UNWORRIED = M.words([[worry bother fuss]])
-- Conditions that hedge: no belief that waiting is fine.
M.HEDGING = { depending = true, depends = true }
-- Spans of time given to a sign: "I'd give it a day or two".
M.SPAN = M.words([[day days week weeks while bit couple few hour hours night]])
-- Feeling unwell, as a second condition on a call.
M.UNWELL = M.words([[unwell poorly rough]])  -- (not "ill": "I'll" is read as "ill")
-- What may follow the words that leave a sign: "I'd just put my feet up
-- first".
M.LEFT_NEXT = { first = true, overnight = true, instead = true, tonight = true }
-- Harm that a wait is named as causing: "I could lose my legs if I wait",
-- "waiting till morning could be too late".
M.HARM = M.words([[lose losing late worse damage dangerous permanent harm trouble kill kills die dies unable
  risks deterioration deteriorate paralysed paralyzed paralysis cost]])
M.SOFTENER = { just = true, probably = true, maybe = true, prob = true, likely = true }
M.LEFT_PHRASES = { { "keep", "an", "eye", "on" }, { "put", "my", "feet", "up" },
                   { "put", "her", "feet", "up" }, { "put", "his", "feet", "up" },
                   { "rest", "it" }, { "sleep", "on", "it" },
                   -- (the sign put down to something else: "I'd put down to lymphoedema")
                   { "put", "down", "to" }, { "put", "it", "down", "to" },
                   -- ("A sore, puffy leg though, I'd put that down to standing")
                   { "put", "that", "down", "to" }, { "put", "this", "down", "to" },
                   { "put", "them", "down", "to" },
                   { "keep", "my", "feet", "up" }, { "keep", "her", "feet", "up" },
                   { "put", "my", "leg", "up" }, { "keep", "my", "leg", "up" },
                   { "put", "her", "leg", "up" }, { "keep", "her", "leg", "up" },
                   { "treat", "as" }, { "treat", "it", "as" }, { "treat", "that", "as" },
                   -- ("A swollen leg I'd just put up on a stool")
                   { "put", "up", "on" }, { "put", "it", "up", "on" }, { "put", "up" },
                   { "put", "it", "up" }, { "prop", "it", "up" }, { "prop", "up" } }
M.LINE = { line = true, helpline = true, hotline = true, number = true, service = true,
           advice = true }
-- Tired of doing it: "sick of ringing", "fed up with phoning".
M.WEARY = { sick = true, tired = true, up = true, weary = true }
M.THEY = { they = true, theyd = true, theyll = true, theyre = true }

-- The lexicon of a quiz: the shared classes with the quiz's own entries
-- added.  extra is the quiz's `lexicon:` mapping (class -> list of phrases),
-- already validated; the result is cached per table.
local merged = setmetatable({}, { __mode = "k" })
function M.classes(extra)
  if type(extra) ~= "table" then return M.CLASSES end
  local c = merged[extra]
  if c then return c end
  c = {}
  for name, list in pairs(M.CLASSES) do
    local l = {}
    for i, p in ipairs(list) do l[i] = p end
    c[name] = l
  end
  for name, list in pairs(extra) do
    if type(list) == "table" then
      c[name] = c[name] or {}
      for _, p in ipairs(list) do
        if type(p) == "string" then table.insert(c[name], p) end
      end
    end
  end
  merged[extra] = c
  return c
end

-- Check a quiz's `lexicon:` field (class name -> list of phrases) with
-- validator v; each phrase must compile (checked by compile, given here so
-- this module does not depend on the matcher).
function M.validate(quiz, v, compile)
  local lex = v:map(quiz, "lexicon")
  if not lex then
    quiz.lexicon = nil
    return nil
  end
  local all = M.classes(lex)
  for _, name in ipairs(util.sorted_keys(lex)) do
    if type(name) ~= "string" or not name:match("^[%w_%-]+$") then
      v:error_key(lex, name, "a word class name is letters, digits, '-' or '_', found '%s'",
                  tostring(name))
    else
      local list = v:list(lex, name, { min = 1, item = "phrase", items = "phrases" })
      for i in ipairs(list or {}) do
        local ph = v:string(list, i)
        if ph then
          local p, why = compile(ph, all)
          if not p or why then
            v:error(list, i, "word class <%s>: phrase '%s' %s", name, ph, why)
          elseif p.els[1].class then
            v:error(list, i, "word class <%s>: phrase '%s' may not start with a class", name, ph)
          end
        end
      end
    end
  end
  return lex
end

return M
