-- The teach-back rows of the November 2026 content reviews and field test,
-- as regression tests on the bundled questions: each sentence a reviewer
-- tried, with the verdict a nurse would give.

-- (The rules alone: the second reader is off in every test here.)
local T = (...).rules_alone()
local tb = require("types.teachback")

local FILES = { "quizzes/patient/bone-basics.yaml", "quizzes/patient/when-to-call.yaml",
                "quizzes/patient/treatment-basics.yaml", "quizzes/selfcheck/new-stage-iv.yaml",
                "quizzes/patient/what-is-metastasis.yaml", "quizzes/selfcheck/cdk46.yaml",
                "quizzes/selfcheck/bone-agent.yaml", "quizzes/selfcheck/hormone-therapy.yaml",
                "quizzes/selfcheck/brain-srs.yaml", "quizzes/student/exam.yaml",
                "quizzes/student/staging-and-sites.yaml", "quizzes/student/treatments.yaml" }

local Q
local function q(id)
  if not Q then
    Q = {}
    for _, path in ipairs(FILES) do
      for _, x in ipairs(T.quiz(path).questions) do Q[x.id] = x end
    end
  end
  return Q[id]
end

-- Covered key points and misconception names, as one line.
local function verdict(id, text)
  local r = tb.analyse(q(id), text)
  local names = {}
  for _, i in ipairs(r.misconceptions) do names[#names + 1] = tb.misconception_name(q(id), i) end
  return table.concat(r.covered, " ") .. " | " .. table.concat(names, " ")
end

T.test("teachback review: a delayed or misdirected call never earns the red-flag point", function()
  T.eq(verdict("tb-high-temperature", "It could be an infection. I would phone them tomorrow."),
       "infection | treats-at-home-or-waits")
  T.ok(tb.unsafe(q("tb-high-temperature"), "It could be an infection. I would phone them tomorrow."))
  T.eq(verdict("tb-high-temperature", "I would call the clinic on Monday"),
       " | treats-at-home-or-waits")
  T.eq(verdict("tb-high-temperature", "I would call my sister to come and sit with me tonight"),
       " | ")
  T.eq(verdict("tb-back-pain-legs", "I'd ring them tomorrow morning, it could be my spinal cord"),
       "spinal-cord | rests-or-waits")
  T.eq(verdict("tb-back-pain-legs", "I would go to my doctor next month because it might be " ..
               "my spine"), "spinal-cord | rests-or-waits")
  T.eq(verdict("tb-back-pain-legs", "I would call my husband so he can drive me to the " ..
               "doctor on Monday"), " | rests-or-waits")
  T.eq(verdict("tb-warning-sign-at-night", "I would phone my daughter in the morning"),
       " | waits-till-morning")
  T.eq(verdict("tb-warning-sign-at-night", "I would call them tomorrow when the clinic opens"),
       " | waits-till-morning")
end)

T.test("teachback review: field test row 1, a negated 'wait' beside the right call", function()
  T.eq(verdict("tb-back-pain-legs", "I'd phone the nurse straight away. I wouldn't just lie " ..
               "down and wait."), "act-now | ")
  T.eq(verdict("tb-back-pain-legs", "I wouldn't sit at home and wait, I'd call 999 because " ..
               "of my spine"), "act-now spinal-cord | ")
  T.eq(verdict("tb-back-pain-legs", "i would not wait i would phone the nurse"), "act-now | ")
end)

T.test("teachback review: right answers no longer raise a misconception", function()
  T.eq(verdict("tb-high-temperature", "My temperature is higher than normal, it could be an " ..
               "infection, so I'd ring the 24 hour line now and try not to worry"),
       "infection call-now | ")
  T.eq(verdict("tb-back-pain-legs", "It is a common sign of the cancer pressing on my spinal " ..
               "cord, so I'd phone my team now"), "act-now spinal-cord | ")
  T.eq(verdict("tb-what-metastatic-means", "My current treatment keeps it in check"),
       "treatable | ")
  T.eq(verdict("tb-explain-cdk46-fever", "Call even if your temperature is normal but you " ..
               "feel unwell."), "call-at-once | ")
  T.eq(verdict("tb-explain-cdk46-fever", "Ring the hospital straight away so they can see if " ..
               "you need antibiotics."), "call-at-once | ")
  T.eq(verdict("tb-explain-cdk46-fever", "Phone the 24 hour number straight away; do not go " ..
               "to bed and see how you feel."), "call-at-once | ")
  T.eq(verdict("tb-explain-still-breast", "It is breast cancer in the bone, which is " ..
               "different from a primary bone cancer"), "breast-cells | ")
end)

T.test("teachback review: words that earned a point alone no longer do", function()
  T.eq(verdict("tb-bone-medicine", "It protects my bones. I will stay away from the dentist " ..
               "while I have it."), "protects-bone | avoid-dentist")
  T.eq(verdict("tb-bone-medicine", "It is chemo to kill the cancer. My jaw might hurt."),
       " | treats-cancer")
  T.eq(verdict("tb-hormone-therapy", "I will tell my husband how I feel"), " | ")
  T.eq(verdict("tb-dexamethasone", "It is my chemo, it will push up my blood pressure, I " ..
               "eat a lot, I take it at night and I stop it when I feel better."),
       " | treats-cancer stops-when-better takes-at-night")
  T.ok(tb.unsafe(q("tb-hormone-therapy"), "It blocks oestrogen. I take it every day. " ..
       "Hot flushes I'd mention, and a swollen leg at my next appointment."))
  T.eq(verdict("tb-hormone-therapy", "It blocks oestrogen. I take it every day. Hot flushes " ..
               "I'd mention, and if my leg is painful and swollen I'd call my team now."),
       "blocks-oestrogen every-day report call-now-clot | ")
end)

T.test("teachback review: 'bone cancer is a different disease' denies it", function()
  T.eq(verdict("tb-explain-still-breast", "Bone cancer is a different disease. What you " ..
               "have is breast cancer in the bone."), "breast-cells | ")
  T.eq(verdict("tb-explain-still-breast", "It's a different cancer in the bone now"),
       " | bone-cancer", "what follows 'is a different' is still said")
end)

T.test("teachback review: dexamethasone taken at night is a wrong belief", function()
  T.eq(verdict("tb-dexamethasone", "Take it with breakfast in the morning so it doesn't " ..
               "keep me awake at night"), "food-and-morning | ")
  T.eq(verdict("tb-dexamethasone", "I take it at bedtime with a snack"), " | takes-at-night")
  T.eq(verdict("tb-dexamethasone", "I take it with food at night"), " | takes-at-night",
       "the food is said inside the wrong claim")
end)

T.test("teachback review: beliefs said in new words, by the lexicon's classes", function()
  T.eq(verdict("tb-hormone-therapy", "Once I'm feeling fine I'll pack it in"),
       " | stops-when-well", "<when> * <better> * <stop>")
  T.eq(verdict("tb-hormone-therapy", "Only stop if the team says so"), " | ",
       "stopping on the team's word")
  T.eq(verdict("tb-dexamethasone", "The doctor will lower it slowly when the swelling is " ..
               "better, I never stop it myself"), "brings-swelling-down never-stop-suddenly | ")
  T.eq(verdict("tb-high-temperature", "It's probably a bit of a chill, I'll sleep it off"),
       " | just-a-cold treats-at-home-or-waits", "<minimise> * <cold>")
  T.eq(verdict("tb-back-pain-legs", "I reckon it's my sciatica playing up"),
       " | just-age-or-strain", "<strain>")
  T.eq(verdict("tb-what-metastatic-means", "It means game over for me"), " | nothing-to-do",
       "<fatal>")
end)

T.test("teachback review: a key word named and no more earns nothing", function()
  T.eq(verdict("tb-why-treatment-differs", "they do some tests i think"), " | ")
  T.eq(verdict("tb-why-treatment-differs", "They do tests on it. And, you know. Other things."),
       " | ", "a short answer that does not know")
  T.eq(verdict("tb-why-treatment-differs", "They test the cancer for HER2 and hormone " ..
               "receptors to pick the drugs, I think"), "tests-on-cancer | ",
       "more than one word heard")
end)

T.test("teachback review: a dash ends a clause; reluctance and 'no trouble' in new words",
       function()
  T.eq(verdict("tb-hormone-therapy", "I know it's not HRT – it lowers my oestrogen"),
       "blocks-oestrogen | ")
  T.eq(verdict("tb-warning-sign-at-night", "i'd wait till the morning, don't want to wake " ..
               "anyone up"), " | waits-till-morning a-bother", "<reluctance>")
  T.eq(verdict("tb-warning-sign-at-night", "I'd phone them now. They say I am not trouble " ..
               "for them."), "call-now never-a-bother | ", "not <bother>")
  T.eq(verdict("tb-warning-sign-at-night", "I'd save it for my appointment on Monday"),
       " | waits-till-morning", "<putoff>: save it")
end)

T.test("teachback review: a new cancer of the place, and treatment by chance, in new words",
       function()
  T.eq(verdict("tb-what-metastatic-means", "The cancer has turned into a bone one now."),
       " | new-cancer-there", "<organ> <growth>; 'bone' inside the claim earns no spread")
  T.eq(verdict("tb-what-metastatic-means", "It's not a bone tumour, it's breast cancer that " ..
               "has spread to my bones"), "spread still-breast | ")
  T.eq(verdict("tb-why-treatment-differs", "Honestly it's a lottery, it depends what they " ..
               "can afford"), " | luck-or-money", "<chance>")
end)

T.test("teachback review: more beliefs in new words", function()
  T.eq(verdict("tb-dexamethasone", "I'll cut down the dose myself once the headaches are gone."),
       " | stops-when-better", "the belief taints the right words beside it")
  T.eq(verdict("tb-dexamethasone", "They'll lower the dose slowly when the swelling is better"),
       "brings-swelling-down never-stop-suddenly | ", "on the team's word")
  T.eq(verdict("tb-warning-sign-at-night", "I'd feel awful ringing them so late, they've got " ..
               "better things to do."), " | a-bother", "no word of acting now")
  T.eq(verdict("tb-what-treatment-is-for", "It's just to make me comfortable, there's no " ..
               "point really."), " | nothing-to-do", "every place a belief is held taints")
  T.eq(verdict("tb-back-pain-legs", "My back always aches, it's nothing new, I'd not worry."),
       " | just-age-or-strain")
end)

T.test("teachback review: right answers that named a belief's words raise none", function()
  T.eq(verdict("tb-warning-sign-at-night", "I've got a pain in my chest, so I'd ring 999 " ..
               "straight away."), "call-now if-no-answer | ", "'a pain' is not 'being a pain'")
  T.eq(verdict("tb-warning-sign-at-night", "I'd call the team now before it's too late; " ..
               "they'd rather I rang for nothing than left it."), "call-now never-a-bother | ")
  T.eq(verdict("tb-warning-sign-at-night", "I'd ring them now. Waiting till morning could be " ..
               "dangerous."), "call-now | ", "what 'could be dangerous' is denied")
  T.eq(verdict("tb-high-temperature", "It could be an infection, viral or bacterial, so I'd " ..
               "ring the 24 hour line now."), "infection call-now | ")
  T.eq(verdict("tb-high-temperature", "I'd ring the 24 hour line now; they'll probably want " ..
               "to monitor my bloods."), "call-now | ")
  T.eq(verdict("tb-high-temperature", "I'd call now, I might be coming down with an " ..
               "infection because my white cells are low."), "infection call-now | ")
  T.eq(verdict("tb-explain-cdk46-fever", "She must call straight away, even if it seems like " ..
               "just a cold."), "call-at-once | ", "'even if' grants, it does not hold")
  T.eq(verdict("tb-what-metastatic-means", "It doesn't mean I'm dying, it means the cancer " ..
               "has spread and can be treated for years."), "spread treatable | ",
       "a subject after 'mean' is inside the negation")
  T.eq(verdict("tb-hormone-therapy", "I take it every day even when I feel well and never " ..
               "stop unless the team says so."), "every-day | ",
       "a negation in a gap stops a word class after it")
  T.eq(verdict("tb-warning-sign-at-night", "i'd wait till the morning, dnt want to be a pain"),
       " | waits-till-morning a-bother")
end)

-- General rules found on the fourth blind set (tune-d.yaml), each tried
-- here in new words.
T.test("teachback rules: a call taken back, a negation carried on, a time after 'before'", function()
  -- "No, actually," takes back the sentence before it.
  T.eq(verdict("tb-back-pain-legs", "My first thought is to rest. No, actually, I would phone " ..
               "the team right now."), "act-now | ")
  -- Calling, in other words.
  T.eq(verdict("tb-back-pain-legs", "I'd telephone the cancer nurse at once."), "act-now | ")
  T.eq(verdict("tb-high-temperature", "I'd get on the dog and bone to the 24-hour line " ..
               "straight away."), "call-now | ")
  -- A negated wait runs on through "or" past six words.
  T.eq(verdict("tb-explain-cdk46-fever", "She must not wait for her next review at the clinic " ..
               "or just take paracetamol. She should call the 24-hour line at once."),
       "call-at-once | ")
  -- ... but it does not reach past them without one: the leg is not negated.
  T.eq(verdict("tb-hormone-therapy", "I wouldn't sit at home with a painful swollen leg, " ..
               "I'd call the team now."), "call-now-clot | ")
  -- What follows "before" is a time, not what she will do.
  T.eq(verdict("tb-explain-cdk46-fever", "She should check her temperature before she takes " ..
               "paracetamol."), "check-before-paracetamol | ")
  T.eq(verdict("tb-explain-cdk46-fever", "She should just take paracetamol."),
       " | manages-at-home-or-waits")
end)

T.test("teachback rules: a gap does not reach over 'but'; words that looked like a point", function()
  T.eq(verdict("tb-what-metastatic-means", "There is no cure but treatments can hold it back " ..
               "for years."), "treatable | ")
  T.eq(verdict("tb-what-metastatic-means", "There is nothing they can do."), " | nothing-to-do")
  -- Bringing the dose down, or a puffy face, is not the swelling in the brain.
  T.eq(verdict("tb-dexamethasone", "Never stop it suddenly, they bring the dose down slowly."),
       "never-stop-suddenly | ")
  T.eq(verdict("tb-dexamethasone", "It makes my face puffy."), " | ")
  T.eq(verdict("tb-dexamethasone", "It brings the swelling down."), "brings-swelling-down | ")
  -- Lay words: "yrs", "brekkie"; feeling "ok".
  T.eq(verdict("tb-what-treatment-is-for", "It helps me feel ok and people go for yrs on it."),
       "feel-well live-longer | ")
  T.eq(verdict("tb-dexamethasone", "I'll take them with brekkie."), "food-and-morning | ")
end)

-- General rules found on the red-flag set (tune-f.yaml), tried in new words.
T.test("teachback rules: calls said in more ways, and doubts that end in a call", function()
  -- "No way am I ...": the subject after the negation is inverted.
  T.eq(verdict("tb-back-pain-legs", "No way am I resting on this. I'd ring the team tonight."),
       "act-now | ")
  -- "not something you sleep on": the negation reaches into the relative clause.
  T.eq(verdict("tb-back-pain-legs", "I'd call the team now, this isn't something you sleep on."),
       "act-now | ")
  -- "second-guessing" is no hedge on the call.
  T.eq(verdict("tb-back-pain-legs", "I'd quit second-guessing and phone the team right now."),
       "act-now | ")
  -- "2am or not" is whatever the hour; "n" is "and" in a text.
  T.eq(verdict("tb-warning-sign-at-night", "call the 24hr line there n then, 3am or not"),
       "call-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "I'd call them. Or not."), " | ")
  -- "at 2 in the morning" is when, not a delay.
  T.eq(verdict("tb-warning-sign-at-night", "At 3 in the morning I'd be phoning the helpline, " ..
               "no waiting."), "call-now | ")
  -- More ways to call at once.
  T.eq(verdict("tb-high-temperature", "I'd get through to the 24-hour line pronto."), "call-now | ")
  T.eq(verdict("tb-high-temperature", "I'd phone the special number immediately."), "call-now | ")
  T.eq(verdict("tb-hormone-therapy", "With a swollen sore leg I'm straight on to the team."),
       "call-now-clot | ")
  -- Said by a nurse, "us" is the team; said by the learner, it is not help.
  T.eq(verdict("tb-explain-cdk46-fever", "On this tablet a fever is never to wait on, so you " ..
               "phone us right away."), "call-at-once | ")
  T.eq(verdict("tb-back-pain-legs", "My son would ring us straight away."), " | ")
  -- A wait mused on in a question, then denied, holds nothing back.
  T.eq(verdict("tb-warning-sign-at-night", "Should I just wait for morning? No, I'm not waiting, " ..
               "I'd ring them right away."), "call-now | ")
  -- ... but a belief asked and not denied is still held.
  T.eq(verdict("tb-high-temperature", "means the cancer is spreading?? i'd ring the nurse tomorrow"),
       " | treats-at-home-or-waits cancer-growing")
end)

T.test("teachback rules: deciding later whether it is worth a call is no call now", function()
  -- (A hedge holds the call back but is no belief that waiting is fine:
  -- two of three blind labellers marked no misconception on such answers.)
  T.eq(verdict("tb-back-pain-legs", "I'd search online first, then decide if it's worth " ..
               "ringing the team."), " | ")
  -- (unsafe: the answer missed an urgent point, so the red-flag box shows.)
  T.ok(tb.unsafe(q("tb-back-pain-legs"), "I'd search online first, then decide if it's worth " ..
                 "ringing the team."))
end)

T.test("teachback evidence: the call is shown as heard, not a telling beside it", function()
  local r = tb.analyse(q("tb-hormone-therapy"), "I tell them about hot flushes and call now " ..
                       "for a swollen leg.")
  T.eq(r.evidence["call-now-clot"], { heard = "call now" })
  -- A telling with a word of acting now, alone, is what was heard.
  r = tb.analyse(q("tb-hormone-therapy"), "I'd tell the nurse straight away about a swollen leg.")
  T.eq(r.evidence["call-now-clot"], { heard = "tell the nurse" })
end)

T.test("teachback rules: beliefs set against this time, conceded after, or in a story are not held", function()
  T.eq(verdict("tb-back-pain-legs", "I've had a bad back on and off for years, but this would be " ..
               "different. I'd ring the cancer team straight away."), "act-now | ")
  T.eq(verdict("tb-back-pain-legs", "At my age one is tempted to put it down to lumbago, but with " ..
               "weak legs I'd telephone the cancer nurses at once."), "act-now | ")
  T.eq(verdict("tb-back-pain-legs", "It's just my bad back, but I'd ring the team straight away."),
       "act-now | just-age-or-strain", "no concession, no 'different': the belief is held")
  T.eq(verdict("tb-warning-sign-at-night", "Last winter I sat up till 7am because I didn't want " ..
               "to wake anyone. Now I'd ring the line straight away, day or night."),
       "call-now | ", "the story's reason is the story's")
  T.eq(verdict("tb-warning-sign-at-night", "call the onc line rn. ur not bothering them"),
       "call-now never-a-bother | ", "'ur not' is 'you're not'")
end)

T.test("teachback rules: asking family first holds the call but is no waiting belief", function()
  T.eq(verdict("tb-back-pain-legs", "I'd ask my daughter what she thinks first, she's a nurse, " ..
               "and then probably phone the hospital."), " | ")
  T.eq(verdict("tb-warning-sign-at-night", "I'd text my sister and ask what she thinks when " ..
               "she's up, then decide whether to ring."), " | waits-till-morning",
       "waiting till she is up still waits")
end)

T.test("teachback rules: beliefs the sibling question heard, and more of them", function()
  T.eq(verdict("tb-high-temperature", "I think it could mean the tumour is getting more " ..
               "active again."), " | cancer-growing")
  T.eq(verdict("tb-high-temperature", "I'd pop into the chemist and ask what they'd recommend."),
       " | treats-at-home-or-waits")
  T.eq(verdict("tb-high-temperature", "I'd stop taking my tablets until the temperature went away."),
       " | treats-at-home-or-waits")
  T.eq(verdict("tb-explain-cdk46-fever", "Most fevers are viral and settle by themselves, so " ..
               "reassure her it's likely nothing."), " | brushed-off")
  T.eq(verdict("tb-warning-sign-at-night", "I'd wait until the clinic opens. There's no sense " ..
               "waking anybody up at that hour."), " | waits-till-morning a-bother")
  T.eq(verdict("tb-high-temperature", "I'd call the line in an hour."), " | treats-at-home-or-waits")
end)

T.test("teachback rules: what others would say, and true facts beside a belief's words", function()
  T.eq(verdict("tb-back-pain-legs", "my nan would be like oh its just my back, but no, I'd ring " ..
               "her cancer nurse number straight away"), "act-now | ")
  T.eq(verdict("tb-back-pain-legs", "At my age you'd think it's just the old back playing up, " ..
               "but not with what I've got in my bones. I'd telephone the hospital this minute."),
       "act-now | ")
  T.eq(verdict("tb-explain-denosumab-teeth", "The blood test checks calcium before each dose, " ..
               "that's separate."), " | ", "a true fact about calcium is no belief")
  T.eq(verdict("tb-explain-denosumab-teeth", "Because it can lower your calcium and that " ..
               "weakens your teeth"), " | calcium-teeth")
  T.eq(verdict("tb-explain-cdk46-fever", "I'd ask the pharmacist to explain it to her."), " | ")
end)

T.test("teachback rules: key points in more everyday words", function()
  T.eq(verdict("tb-what-treatment-is-for", "So I'm not in pain and can get on with my normal stuff."),
       "feel-well | ")
  T.eq(verdict("tb-what-treatment-is-for", "To give me as much time as possible."), "live-longer | ")
  T.eq(verdict("tb-bone-medicine", "It's to shore up his bones so they don't crack."), "protects-bone | ")
  T.eq(verdict("tb-explain-denosumab-teeth", "While you're on it, tell us if you get jaw pain."),
       "tell-and-report | ")
end)

T.test("teachback rules: a belief asked about, another's saying answered, a past view set against now", function()
  -- A question proper is no belief held; a claim said unsure still is.
  T.eq(verdict("tb-what-treatment-is-for", "Will it cure me? I keep wondering."), " | ")
  T.eq(verdict("tb-what-treatment-is-for", "It will cure me, I'm sure."), " | will-cure")
  T.eq(verdict("tb-what-treatment-is-for", "so it will cure me, right?"), " | will-cure",
       "a claim with a question mark is still a claim")
  -- ... but a wait asked about asks leave to wait.
  T.eq(verdict("tb-warning-sign-at-night", "Could I wait till the morning? I'd hate to be a pain."),
       " | waits-till-morning a-bother")
  -- Someone else's saying, answered in the next sentence.
  T.eq(verdict("tb-explain-cdk46-fever", "Some patients think a fever means the cancer is growing. " ..
               "It doesn't."), " | ")
  T.eq(verdict("tb-explain-cdk46-fever", "Some patients think a fever means the cancer is growing."),
       " | cancer-growing", "not answered")
  T.eq(verdict("tb-explain-cdk46-fever", "My sister says the cancer is growing, so I think so too."),
       " | cancer-growing", "taken on")
  -- What the learner once thought, set against now.
  T.eq(verdict("tb-what-treatment-is-for", "At first I thought it was hopeless. Now I know better."), " | ")
  T.eq(verdict("tb-what-treatment-is-for", "I thought it was hopeless. I still do."), " | nothing-to-do")
  -- Old trouble set against this time, a belief that does not come into
  -- it, a saying answered "nope", an attribution denied.
  T.eq(verdict("tb-back-pain-legs", "My mum had lumbago for years and this is nothing like that, " ..
               "so I'd ring the team now."), "act-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "Being a nuisance doesn't come into it, I'd ring the team right now."),
       "call-now | ")
  T.eq(verdict("tb-back-pain-legs", "My gran would say it's just her age but nope. Ringing the team right now."),
       "act-now | ")
  T.eq(verdict("tb-back-pain-legs", "I'd ring the team now and not put it down to a strain at my age."),
       "act-now | ")
end)

T.test("teachback rules: a garden hose is no gardening; beliefs said in more words", function()
  T.eq(verdict("tb-back-pain-legs", "It's like a garden hose being trodden on, so I'd ring the team right now."),
       "act-now | ")
  T.eq(verdict("tb-back-pain-legs", "I've been gardening all weekend, I'd rest it."),
       " | rests-or-waits just-age-or-strain")
  T.eq(verdict("tb-back-pain-legs", "prob pulled summat, I'd rest it"), " | rests-or-waits just-age-or-strain")
  T.eq(verdict("tb-bone-medicine", "I'll steer clear of the dentist until the course is over."), " | avoid-dentist")
  T.eq(verdict("tb-explain-cdk46-fever", "Tell her fevers are common on it, nothing to worry about."),
       " | brushed-off")
  T.eq(verdict("tb-hormone-therapy", "I take it unless I feel fine, then I have a break."),
       " | stops-when-well")
  T.eq(verdict("tb-why-treatment-differs", "If you pay for it you get the better drugs."), " | luck-or-money")
end)

T.test("teachback rules: key words dropped in a list and waved off earn nothing", function()
  T.eq(verdict("tb-why-treatment-differs", "Receptors, HER2, all that jargon. No idea really."), " | ")
  T.eq(verdict("tb-dexamethasone", "Steroids. Swelling, something."), " | ")
  T.eq(verdict("tb-high-temperature", "Infection, white cells, they went over all that."), " | ")
  T.eq(verdict("tb-dexamethasone", "It brings the swelling down, and all that."), "brings-swelling-down | ",
       "a clause of its own is no list")
end)

T.test("teachback rules: a fortnight is a delay, creaking bones an age, not troubling the doctor a reluctance", function()
  T.eq(verdict("tb-back-pain-legs", "I'd mention it to the oncologist in a fortnight."), " | rests-or-waits")
  T.eq(verdict("tb-back-pain-legs", "Everything creaks at my age, I'd rest it."), " | rests-or-waits just-age-or-strain")
  T.eq(verdict("tb-warning-sign-at-night", "I'd not trouble the doctor at that hour."), " | a-bother")
end)

T.test("teachback rules: 'now' ends a story told of years ago", function()
  T.eq(verdict("tb-what-metastatic-means", "The breast one was treated years ago, and now it's a " ..
               "different cancer in my liver."), " | new-cancer-there")
  T.eq(verdict("tb-what-metastatic-means", "Years ago I thought it was a different cancer in my liver."),
       "spread | ", "the story itself holds no belief")
end)

T.test("teachback rules: 'but also' adds, 'whether' asks; more waits, reluctances and breaks", function()
  T.eq(verdict("tb-explain-cdk46-fever", "It might mean the cancer is active, but also that she has an infection."),
       "low-white-cells | cancer-growing")
  T.eq(verdict("tb-explain-still-breast", "I'd check with the doctor whether it counts as bone cancer or not."),
       " | ")
  T.eq(verdict("tb-back-pain-legs", "Honestly I'd give it till the morning."), " | rests-or-waits")
  T.eq(verdict("tb-warning-sign-at-night", "They'll be short-staffed at night, I'd ring them now anyway."),
       "call-now | a-bother")
  T.eq(verdict("tb-hormone-therapy", "I'd have a week off it on holiday."), " | stops-when-well")
  T.eq(verdict("tb-explain-cdk46-fever", "She should stop the palbociclib until the fever settles."),
       " | manages-at-home-or-waits")
end)

T.test("teachback rules: 'a day' alone is no daily dose; key points said in more words", function()
  T.eq(verdict("tb-hormone-therapy", "I take it faithfully each morning."), "every-day | ")
  T.eq(verdict("tb-hormone-therapy", "It blocks oestrogen. I'd read up on it for a day or two."),
       "blocks-oestrogen | ")
  T.eq(verdict("tb-bone-medicine", "It stops my bones going brittle, and I had my teeth seen to first."),
       "protects-bone tell-dentist | ")
  T.eq(verdict("tb-dexamethasone", "Never leave it off all of a sudden."), "never-stop-suddenly | ")
  T.eq(verdict("tb-warning-sign-at-night", "I'd ring them now, they'd rather have a false alarm."),
       "call-now never-a-bother | ")
  T.eq(verdict("tb-warning-sign-at-night", "I'd ring them right now and if no1 answers I'd go to the ER."),
       "call-now if-no-answer | ")
end)

T.test("teachback rules: warnings, denied reasons, reassurance quoted, a mix-up answered", function()
  T.eq(verdict("tb-back-pain-legs", "Leave it and I might not walk again, so I'd ring the team right now."),
       "act-now | ")
  T.eq(verdict("tb-back-pain-legs", "I'd have thought it was a strain and rested it. Now I know to ring the team right now."),
       "act-now | ")
  T.eq(verdict("tb-why-treatment-differs", "They test each cancer to pick the drug, not cos one's worse."),
       "tests-on-cancer | ")
  T.eq(verdict("tb-warning-sign-at-night", "The nurse told me: you don't disturb us. I'd ring them right now."),
       "call-now never-a-bother | ")
  T.eq(verdict("tb-hormone-therapy", "People mix it up with HRT but it's the opposite."), " | ")
  T.eq(verdict("tb-what-treatment-is-for", "Some people assume it means a cure. It doesn't."), " | ")
  T.eq(verdict("tb-bone-medicine", "I'm putting off my dental cleaning until the course is finished."),
       " | avoid-dentist")
  T.eq(verdict("tb-explain-cdk46-fever", "I'd reassure her it's usually nothing and she should rest up."),
       " | brushed-off manages-at-home-or-waits")
end)

T.test("teachback rules: a key point only asked about, or named as the doctor's words, earns nothing", function()
  T.eq(verdict("tb-bone-medicine", "Is it to protect the bones? I'm not sure."), " | ")
  T.eq(verdict("tb-bone-medicine", "It protects the bones, I think?"), "protects-bone | ",
       "a claim said unsure still counts")
  T.eq(verdict("tb-what-metastatic-means", "Metastatic, stage four, secondary. Those are the words the doctor used."),
       " | ")
  T.eq(verdict("tb-dexamethasone", "I'm not to leave off it all at once."), "never-stop-suddenly | ")
end)

T.test("teachback rules: beliefs that are others', answered, and beliefs said in other words", function()
  T.eq(verdict("tb-back-pain-legs", "My husband would say I strained it digging. That's not it. I'd ring the team now."),
       "act-now | ")
  T.eq(verdict("tb-what-metastatic-means", "My mum keeps saying I'll beat it. I've told her it can't be cured."),
       "treatable | ")
  T.eq(verdict("tb-explain-cdk46-fever", "Some patients worry a fever means the cancer is spreading. It doesn't, it's infection."),
       "low-white-cells | ")
  T.eq(verdict("tb-explain-denosumab-teeth", "Some people stop going to the dentist. Don't."), " | ")
  T.eq(verdict("tb-why-treatment-differs", "I'd say hers is the worse kind though, she's on chemo."),
       " | one-is-worse", "a 'though' that ends its clause answers nothing")
  T.eq(verdict("tb-bone-medicine", "It is like chemotherapy but milder."), " | treats-cancer",
       "'it is like' likens, it quotes no one")
  T.eq(verdict("tb-what-metastatic-means", "I'm not long for this world."), " | nothing-to-do")
  T.eq(verdict("tb-warning-sign-at-night", "I'm not a bother to them, I'd ring now."), "call-now never-a-bother | ")
  T.eq(verdict("tb-back-pain-legs", "It's the rheumatics, I'd have a lie down."), " | rests-or-waits just-age-or-strain")
  T.eq(verdict("tb-hormone-therapy", "If my leg went puffy I'd phone my team that minute."), "call-now-clot | ")
end)

T.test("teachback rules: 'the other stuff' put off may be a red flag too", function()
  -- (A rule that let "other side effects ... I'd save for my appointment"
  -- through credited this; it was dropped.)
  T.eq(verdict("tb-warning-sign-at-night", "I'd phone them straight away if I had a fever, but for the other stuff like a bit of swelling I'd leave it till the morning."),
       " | waits-till-morning")
end)

T.test("teachback rules: a bother and a strain said in other words", function()
  T.eq(verdict("tb-warning-sign-at-night", "At night I don't ring, it's not polite. In the morning I ring the nurse."),
       " | waits-till-morning a-bother")
  T.eq(verdict("tb-warning-sign-at-night", "I'd leave it, they've enough on without me."), " | waits-till-morning a-bother")
  T.eq(verdict("tb-back-pain-legs", "Maybe it's only the muscle, so I'd rest."), " | rests-or-waits just-age-or-strain")
  T.eq(verdict("tb-back-pain-legs", "My leg muscles feel weak and my back hurts, so I'd ring the team right now."),
       "act-now | ", "weak muscles are the sign, not a strain")
end)

T.test("teachback rules: a bare 'a bug' named with an infection, and a belief of others answered in the same sentence", function()
  T.eq(verdict("tb-high-temperature", "A bug could take hold with my defences down, so I'd ring the number right away."),
       "infection call-now | ")
  T.eq(verdict("tb-high-temperature", "It's probably just a bug, I'd ring in the morning."),
       " | just-a-cold treats-at-home-or-waits", "made little of, it is still held")
  T.eq(verdict("tb-what-treatment-is-for", "My neighbour assumed I'd be cured, and I told her that's not how it works."),
       " | ")
end)

T.test("teachback rules: 'breast cancer that's spread' is still breast cancer", function()
  T.eq(verdict("tb-explain-still-breast", "It's breast cancer that's spread to the bone, so she keeps her breast cancer tablets."),
       "breast-cells treated-as-breast | ")
  T.eq(verdict("tb-what-metastatic-means", "The spots in my liver are breast cancer that moved there."),
       "spread still-breast | ")
end)

T.test("teachback rules: never a bother, said as what the team wants", function()
  T.eq(verdict("tb-warning-sign-at-night", "Ring the 24 hour line now, they want you to ring at 2am."),
       "call-now never-a-bother | ")
  T.eq(verdict("tb-warning-sign-at-night", "I'd call them now. They'd rather be woken than have me poorly."),
       "call-now never-a-bother | ")
end)

T.test("teachback rules: key words dropped in a list earn no key point; ideas in few words still do", function()
  T.eq(verdict("tb-dexamethasone", "Dexamethasone, steroid, swelling, taper."), " | ")
  T.eq(verdict("tb-dexamethasone", "dex, the steroids, reduce brain swelling, dont stop suddenly"),
       "brings-swelling-down never-stop-suddenly | ")
  T.eq(verdict("tb-dexamethasone", "It's for swelling, I take it, never stop suddenly."),
       "brings-swelling-down never-stop-suddenly | ", "a sentence that says 'it' is no list")
end)

T.test("teachback rules: an appointment booked is a wait; 'until I feel better' is a stop; 'leave the rest' is no chore", function()
  T.eq(verdict("tb-high-temperature", "Could be an infection, so I'd book an appointment with my GP."),
       "infection | treats-at-home-or-waits")
  T.eq(verdict("tb-back-pain-legs", "I'd make an appointment with my oncologist to get it checked."),
       " | rests-or-waits")
  T.eq(verdict("tb-hormone-therapy", "It blocks oestrogen. I'll take it until I feel better."),
       "blocks-oestrogen | stops-when-well")
  T.eq(verdict("tb-dexamethasone", "When the swelling is down I'll leave the rest in the drawer."),
       " | stops-when-better", "'the rest' of the tablets, not chores")
end)

T.test("teachback rules: a story after 'who' goes on past a comma", function()
  T.eq(verdict("tb-back-pain-legs", "My aunt, who took painkillers, rested and went to bed, lost her legs. So: ring the team right away."),
       "act-now spinal-cord | ")
end)

T.test("teachback rules: a lack said with a negation is the point; a denial stays a denial", function()
  T.eq(verdict("tb-high-temperature", "The body cannot fight the germs, so I'd call the 24-hour line now."),
       "infection call-now | ")
  T.eq(verdict("tb-high-temperature", "My blood hasn't got its usual defences, so I'd call the 24-hour line now."),
       "infection call-now | ")
  T.eq(verdict("tb-high-temperature", "It's not an infection, it's just a cold."), " | just-a-cold")
end)

T.test("teachback rules: side effects count for 'tell your team' only with a telling", function()
  T.eq(verdict("tb-hormone-therapy", "My hot flushes are the worst at night."), " | ")
  T.eq(verdict("tb-hormone-therapy", "I'd mention the hot flushes to the nurse."), "report | ")
  T.eq(verdict("tb-hormone-therapy", "Report SEs e.g. hot flushes."), "report | ",
       "'e.g.' ends no sentence")
end)

T.test("teachback rules: beliefs of others, answered; a belief left behind", function()
  T.eq(verdict("tb-why-treatment-differs", "Some folk think it's down to luck or money. It isn't."), " | ")
  T.eq(verdict("tb-why-treatment-differs", "It's down to luck or money."), " | luck-or-money")
  T.eq(verdict("tb-what-metastatic-means", "My family think it means a brand new cancer in my liver. " ..
               "I'll tell them no, it's the same breast cancer that's spread."), "spread still-breast | ")
  T.eq(verdict("tb-bone-medicine", "Everyone keeps calling it my chemo but it isn't. It doesn't fight " ..
               "the cancer, it protects the bones."), "protects-bone | ")
  T.eq(verdict("tb-what-metastatic-means", "Some people hear metastatic and think it's a death sentence. " ..
               "It isn't, there's always another treatment to try."), " | ")
  T.eq(verdict("tb-back-pain-legs", "Some people would go to bed and rest it. Not me, resting is the " ..
               "wrong thing here. Straight on the phone to the 24 hour line."), "act-now | ")
  T.eq(verdict("tb-dexamethasone", "When they first gave it me I thought it was chemo. Then the nurse " ..
               "explained it's a steroid for the swelling."), "brings-swelling-down | ")
  T.eq(verdict("tb-dexamethasone", "When they first gave it me I thought it was chemo. Then I took it."),
       " | treats-cancer", "set right only by someone's telling")
  T.eq(verdict("tb-warning-sign-at-night", "Phone the team now. Worrying about being a nuisance, never."),
       "call-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "Worrying about being a nuisance, I'd never ring them."),
       " | a-bother", "'never' with words after it is no lone 'never'")
end)

T.test("teachback rules: more words for beliefs and points", function()
  T.eq(verdict("tb-warning-sign-at-night", "prob ring in the am, dont want to wake anyone up"),
       " | waits-till-morning a-bother")
  T.eq(verdict("tb-warning-sign-at-night", "At night I no like to call, the doctor is sleeping. I wait for morning."),
       " | waits-till-morning a-bother")
  T.eq(verdict("tb-back-pain-legs", "Call 999. Weak legs and a bad back, I'm not messing about with that."),
       "act-now | ", "a bad back named as the sign")
  T.eq(verdict("tb-back-pain-legs", "It's just my bad back, I'll rest."), " | rests-or-waits just-age-or-strain")
  T.eq(verdict("tb-back-pain-legs", "Back pain is normal when you are old."), " | just-age-or-strain")
  T.eq(verdict("tb-hormone-therapy", "It's the opposite of HRT, it takes oestrogen away."), "blocks-oestrogen | ")
  T.eq(verdict("tb-hormone-therapy", "I only take it on days I'm feeling rough."), " | stops-when-well")
  T.eq(verdict("tb-dexamethasone", "Once I feel back to normal I'll just stop taking them."),
       " | stops-when-better")
  T.eq(verdict("tb-high-temperature", "It might be the cancer acting up again."), " | cancer-growing")
  T.eq(verdict("tb-bone-medicine", "It is to fortify the bones."), "protects-bone | ")
  T.eq(verdict("tb-what-treatment-is-for", "It gives me a few more summers."), "live-longer | ")
  T.eq(verdict("tb-what-treatment-is-for", "A few more rounds and I'll be clear."), " | will-cure")
end)

T.test("teachback rules: a medicine that hides the sign is a warning; more words", function()
  T.eq(verdict("tb-explain-cdk46-fever", "Ring the 24-hour number straight away. If she's taken paracetamol " ..
               "for a headache it can cover up a fever, so take the temperature first."),
       "call-at-once check-before-paracetamol | ")
  T.eq(verdict("tb-explain-cdk46-fever", "She can take paracetamol and see if the fever goes down."),
       " | manages-at-home-or-waits")
  T.eq(verdict("tb-why-treatment-differs", "I'd tell her she should ask if her insurance would cover the drug."),
       " | luck-or-money", "'cover' a cost hides no sign")
  T.eq(verdict("tb-high-temperature", "I'd be straight on to the round-the-clock number."), "call-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "prob wait til morning, dont wanna be that person ringing at 2am."),
       " | waits-till-morning a-bother")
  T.eq(verdict("tb-warning-sign-at-night", "They'd rather I bothered them than kept quiet."),
       "never-a-bother | ")
  T.eq(verdict("tb-bone-medicine", "Mum's on it so her bones don't crumble."), "protects-bone | ")
  T.eq(verdict("tb-explain-cdk46-fever", "Most fevers are just viruses."), " | brushed-off")
end)

T.test("teachback rules: a sign made little of, a muscle thing, a wake-up disliked", function()
  T.eq(verdict("tb-high-temperature", "A fever is a good sign really, it's probably nothing."),
       " | just-a-cold")
  T.eq(verdict("tb-back-pain-legs", "It's probably a muscle thing so I'd take painkillers."),
       " | rests-or-waits just-age-or-strain")
  T.eq(verdict("tb-warning-sign-at-night", "I'd wait till the morning, I don't like waking people up for nothing."),
       " | waits-till-morning a-bother")
  T.eq(verdict("tb-hormone-therapy", "Once I'm feeling fine I think I can come off it."), " | stops-when-well")
end)

T.test("teachback rules: 'not sure' still denies a belief after it, not a delay", function()
  T.eq(verdict("tb-high-temperature", "I'm not sure it's just a cold, so I'd call the 24-hour line now."),
       "call-now | ")
  T.eq(verdict("tb-high-temperature", "I'd phone the ward, not sure if now or in the morning tho."),
       " | ", "unsure: the call is not credited, and no belief that waiting is fine is heard")
end)

T.test("teachback rules: a telling put off about another point holds no help back", function()
  T.eq(verdict("tb-hormone-therapy", "Painful swollen leg, I'd go to the emergency department now, it could " ..
               "be a clot. Hot flushes I'd just mention at my next check-up."), "report call-now-clot | ")
  T.eq(verdict("tb-hormone-therapy", "Painful swollen leg, I'd ring the team now. I'd mention it at my next " ..
               "check-up."), " | ", "'it' is the sign: put off")
end)

T.test("teachback rules: a sign named inside a wait denied is still named", function()
  T.eq(verdict("tb-hormone-therapy", "I wouldn't wait to see if a swollen leg goes down - I'd ring them now."),
       "call-now-clot | ")
  T.eq(verdict("tb-hormone-therapy", "I wouldn't wait to see if a swollen leg goes down - I'd ring them tomorrow."),
       " | ", "the call is put off")
  T.eq(verdict("tb-hormone-therapy", "I don't have a swollen leg, I'd ring them now."), " | ",
       "a sign denied is not named")
end)

T.test("teachback rules: a key point heard without its with: says why", function()
  local r = tb.analyse(q("tb-hormone-therapy"), "My hot flushes are the worst at night.")
  T.eq(tb.evidence_text(r.evidence["report"]), "heard: 'hot flushes' — but no tell word in its sentence")
  r = tb.analyse(q("tb-hormone-therapy"), "I'd mention the hot flushes to the nurse.")
  T.eq(tb.evidence_text(r.evidence["report"]), "heard: 'hot flushes'")
end)

T.test("teachback rules: others' wait answered, an urge set aside, waiting named as the harm", function()
  T.eq(verdict("tb-warning-sign-at-night", "Some folks would wait till morning. I wouldn't. I'd call the " ..
               "after-hours number on my card right then."), "call-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "Some folks would wait till morning. So would I. I'd call the " ..
               "after-hours number at eight."), " | waits-till-morning", "theirs, and mine too")
  T.eq(verdict("tb-warning-sign-at-night", "My first instinct would be to lie there till the morning. But " ..
               "waiting is the worst thing I can do, so I'd ring the 24-hour line now."), "call-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "My first instinct would be to lie there till the morning, " ..
               "and I'd ring the 24-hour line then."), " | waits-till-morning", "an urge followed")
  T.eq(verdict("tb-warning-sign-at-night", "I'd wait, the worst that can happen is a bad night. I'd " ..
               "ring them now if it got worse."), " | waits-till-morning", "'the worst that can happen' plays it down")
end)

T.test("teachback rules: a wait told as a story with 'once'; a visit waved off", function()
  T.eq(verdict("tb-high-temperature", "I waited overnight once with a fever and ended up on a drip. " ..
               "Never again. I phone the 24-hour line immediately."), "call-now | ")
  T.eq(verdict("tb-high-temperature", "I waited once. I'd wait again till morning, then phone the " ..
               "24-hour line."), " | treats-at-home-or-waits", "the wait is the plan too")
  T.eq(verdict("tb-explain-cdk46-fever", "Her next appointment and bloods don't matter here. Fever " ..
               "means ring the 24-hour line now."), "call-at-once | ")
  T.eq(verdict("tb-explain-cdk46-fever", "Waiting a day doesn't matter, she can ring the 24-hour line " ..
               "now or tomorrow."), " | manages-at-home-or-waits",
       "a wait that does not matter is still a wait")
end)

T.test("teachback rules: a clot heard as a leg gone hot", function()
  T.eq(verdict("tb-hormone-therapy", "I'd ring her team at once if her leg went hot, painful and swollen."),
       "call-now-clot | ")
end)

T.test("teachback rules: a reluctance said as 'I am not want'; a telling of oneself refused", function()
  T.eq(verdict("tb-warning-sign-at-night", "I am not want to disturb the doctor in the night. I call " ..
               "the 24 hour line now."), "call-now | a-bother")
  T.eq(verdict("tb-warning-sign-at-night", "I am not a bother to them. I call the 24 hour line now."),
       "call-now never-a-bother | ", "what the learner is, not a reluctance")
  T.eq(verdict("tb-back-pain-legs", "I'm not going to tell myself it's just my age. I'd call my care " ..
               "team right now."), "act-now | ")
  T.eq(verdict("tb-back-pain-legs", "I'd tell myself it's just my age and call my care team tomorrow."),
       " | rests-or-waits just-age-or-strain")
end)

T.test("teachback rules: others' belief called wrong, said where they are", function()
  T.eq(verdict("tb-high-temperature", "Some of the women on my forum say ride out a fever at home with " ..
               "paracetamol. That's wrong for us on these tablets. I'd call the 24-hour line the minute " ..
               "I saw it."), "call-now | ")
  T.eq(verdict("tb-high-temperature", "I'd ride it out at home with paracetamol. The women on my forum " ..
               "say so."), " | treats-at-home-or-waits")
  T.eq(verdict("tb-explain-cdk46-fever", "tell her its prob a cold"), " | brushed-off")
end)

T.test("teachback rules: 'whatever the hour' is no vagueness; 'anser' is answer", function()
  T.eq(verdict("tb-explain-cdk46-fever", "Fever means call the 24-hour number immediately, whatever the " ..
               "hour, because the drug lowers the cells that fight infection."), "low-white-cells call-at-once | ")
  T.eq(verdict("tb-explain-cdk46-fever", "Something about infection, whatever that means."), " | ",
       "a word owned as not understood")
  T.eq(verdict("tb-warning-sign-at-night", "id ring the ward strait away. if they dont anser im going to a&e"),
       "call-now if-no-answer | ")
  T.eq(verdict("tb-explain-still-breast", "It's treated the same way as the breast cancer."),
       "treated-as-breast | ")
end)

T.test("teachback rules: advice remembered is no asking first; others where they are; 'that number'", function()
  T.eq(verdict("tb-warning-sign-at-night", "I'd be lying there thinking about the kids. But then I'd " ..
               "remember what the nurse said, so I'd pick up the phone and call them then and there."),
       "call-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "I'd ask my son what he thinks first, then call them then " ..
               "and there."), " | ", "asking first")
  T.eq(verdict("tb-warning-sign-at-night", "My friend in the support group says she always waits till " ..
               "morning. I don't agree. I'd ring now."), "call-now | ")
  T.eq(verdict("tb-high-temperature", "So I'd phone that number on the fridge straight off."), "call-now | ")
  T.eq(verdict("tb-explain-cdk46-fever", "A fever must be reported to the 24-hour line without delay."),
       "call-at-once | ")
end)

T.test("teachback rules: 'not only a cold' denies; a belief described after its own denial", function()
  T.eq(verdict("tb-high-temperature", "I call the hospital number immediately. It is not only a cold."),
       "call-now | ")
  T.eq(verdict("tb-high-temperature", "It is only a cold. I'd have a hot drink."), " | just-a-cold treats-at-home-or-waits")
  T.eq(verdict("tb-hormone-therapy", "It's not HRT - that adds hormones, this takes them away."),
       " | ")
  T.eq(verdict("tb-hormone-therapy", "It's not HRT but it adds hormones."), " | like-hrt",
       "a 'but' between: the second is held")
end)

T.test("teachback rules: more beliefs in new words (a scan in two weeks, ringing for nothing, fevers happen)", function()
  T.eq(verdict("tb-back-pain-legs", "i'd ring the team in two weeks when i have my scan"),
       " | rests-or-waits")
  T.eq(verdict("tb-warning-sign-at-night", "If it didn't settle I'd call the hospital. I don't want to be " ..
               "one of those people who ring for nothing."), " | waits-till-morning a-bother")
  T.eq(verdict("tb-warning-sign-at-night", "Go straight to A&E. Morning is too late."), "call-now | ",
       "a morning too late is no reluctance")
  T.eq(verdict("tb-explain-cdk46-fever", "tell her not to panic, fevers happen"), " | brushed-off")
  T.eq(verdict("tb-back-pain-legs", "My husband says it's from sitting too long in the car, and I think " ..
               "he's right."), " | just-age-or-strain")
end)

T.test("teachback rules: key points in everyday and clinical words (bones snapping, keep on top, MRONJ)", function()
  T.eq(verdict("tb-bone-medicine", "Dad's on it to stop his bones snapping."), "protects-bone | ")
  T.eq(verdict("tb-what-treatment-is-for", "It's like keeping the weeds down. If you keep on top of it " ..
               "they don't take over."), "control | ")
  T.eq(verdict("tb-explain-denosumab-teeth", "Risk of MRONJ; complete dental assessment first."),
       "jaw-damage work-done-first | ")
  T.eq(verdict("tb-why-treatment-differs", "ur cancer n mine r diff types under the microscope"),
       "tests-on-cancer | ")
end)

T.test("teachback rules: a belief leaned on ('probably') is held though the call is made anyway", function()
  T.eq(verdict("tb-back-pain-legs", "It's probably just a strain, but I'd still phone the team now."),
       "act-now | just-age-or-strain")
  T.eq(verdict("tb-back-pain-legs", "its prob a strain but i'd ring the doc now just in case"),
       "act-now | just-age-or-strain")
  T.eq(verdict("tb-back-pain-legs", "Honestly I'd think I'd just strained it, but they told us weak legs " ..
               "are a warning sign so I'd still ring the nurse line now."), "act-now | just-age-or-strain")
  T.eq(verdict("tb-back-pain-legs", "It could just be a strain, but I'd still phone the team now."),
       "act-now | ", "'could' only grants it may be")
  T.eq(verdict("tb-back-pain-legs", "My sister thinks it's just a strain, but I'd still phone the team now."),
       "act-now | ", "someone else's thinking")
end)

T.test("teachback rules: a general advice line is not the team; an action one is tired of", function()
  T.eq(verdict("tb-warning-sign-at-night", "I'd ring the general out-of-hours health advice line, " ..
               "the one for everybody, and see what they say."), " | ")
  T.eq(verdict("tb-warning-sign-at-night", "I'd ring the out-of-hours oncology line straight away."),
       "call-now | ", "the team's own line")
  T.eq(verdict("tb-back-pain-legs", "I'd go to the general hospital's emergency department right now."),
       "act-now | ", "'general' before a hospital is its name")
  T.eq(verdict("tb-back-pain-legs", "Honestly I'm sick of ringing them about every ache. It's a pulled " ..
               "muscle from carrying the shopping, I'm not wasting their time."), " | just-age-or-strain")
  T.eq(verdict("tb-back-pain-legs", "I'm sick of this back, so I'm ringing them now."), "act-now | ",
       "sick of the sign, not of the call")
end)

T.test("teachback rules: a call between the sign and a time, with no comma, is put off", function()
  T.eq(verdict("tb-explain-cdk46-fever", "tell her if temp goes up call the ward in the morning, not " ..
               "worth sitting in A&E all night for a temp"), " | manages-at-home-or-waits")
  T.eq(verdict("tb-explain-cdk46-fever", "if her temp goes up in the night she calls the 24 hour line " ..
               "straight away"), "call-at-once | ", "the time the sign comes")
  T.eq(verdict("tb-explain-cdk46-fever", "Call the 24-hour line at once if you have a fever with " ..
               "shivering. If it's only a slight temperature without the shivers, watch it overnight."),
       " | manages-at-home-or-waits")
end)

T.test("teachback rules: a sign not getting better is waited for; another sign left", function()
  T.eq(verdict("tb-hormone-therapy", "I take it every day. If my leg got swollen and painful and it " ..
               "hadn't gone down after a couple of days, I'd ring them."), "every-day | ")
  T.eq(verdict("tb-hormone-therapy", "I take it every day. If my leg got swollen and painful I wouldn't " ..
               "leave it a couple of days, I'd ring them."), "every-day call-now-clot | ",
       "a wait denied")
  T.eq(verdict("tb-hormone-therapy", "A painful swollen leg I'd ring about that minute. A painful " ..
               "swollen arm I'd leave, I get that anyway since they took my lymph nodes out."), " | ")
  T.eq(verdict("tb-hormone-therapy", "A painful swollen leg I'd ring about that minute. The washing " ..
               "I'd leave."), "call-now-clot | ", "a chore left, not a sign")
end)

T.test("teachback rules: a call named as a thing needed is no plan to call now", function()
  T.eq(verdict("tb-explain-cdk46-fever", "Explain that a high temperature needs a call to the 24-hour line."),
       " | ")
  T.eq(verdict("tb-explain-cdk46-fever", "Explain that with a high temperature she should call the 24-hour line."),
       "call-at-once | ", "a plan to call the line")
end)

T.test("teachback rules: a charity's line is not the team; a milder sign's plan waits", function()
  T.eq(verdict("tb-back-pain-legs", "I would phone the Macmillan support line straight away and ask them " ..
               "for advice about it."), " | ")
  T.eq(verdict("tb-back-pain-legs", "I would phone my Macmillan nurse straight away."), "act-now | ",
       "a nurse, by the charity's name")
  T.eq(verdict("tb-explain-cdk46-fever", "Palbociclib can lower your neutrophils, so a fever might be an " ..
               "infection. Call the Breast Cancer Now helpline and they'll tell you what to do."),
       "low-white-cells | ")
  T.eq(verdict("tb-high-temperature", "If the temperature came with shivering I'd call at once, but a " ..
               "temperature on its own I'd give till the morning."), " | treats-at-home-or-waits")
  T.eq(verdict("tb-hormone-therapy", "If my leg was swollen and red I'd call straight away, but if it " ..
               "was just painful and a bit puffy I'd rest it with my feet up for a few days."), " | ")
  T.eq(verdict("tb-hormone-therapy", "If my leg was swollen and red I'd call straight away, but I'd " ..
               "tell my daughter in a few days."), "call-now-clot | ", "the telling put off is not the call")
end)

T.test("teachback rules: 'immediate contact' is acting now; 'go hospital' without the 'to'", function()
  T.eq(verdict("tb-hormone-therapy", "A painful swollen limb warrants immediate contact with the team."),
       "call-now-clot | ")
  T.eq(verdict("tb-hormone-therapy", "A painful swollen limb is no immediate worry; I'd contact the team " ..
               "in the morning."), " | ", "a delay still holds it")
  T.eq(verdict("tb-back-pain-legs", "I go hospital now, emergency. Not wait."), "act-now | ")
  T.eq(verdict("tb-back-pain-legs", "I go hospital next week."), " | rests-or-waits", "put off")
end)

T.test("teachback rules: a break taken from the tablet; waiting for 39", function()
  T.eq(verdict("tb-hormone-therapy", "It blocks oestrogen, and I stop it for a week or two when the joint " ..
               "pain gets bad."), "blocks-oestrogen | stops-when-well")
  T.eq(verdict("tb-hormone-therapy", "I take it when I'm having a bad week, but when I feel well I give it " ..
               "a rest."), " | stops-when-well")
  T.eq(verdict("tb-hormone-therapy", "It blocks oestrogen. I take it every day, even on good days."),
       "blocks-oestrogen every-day | ", "no break")
  T.eq(verdict("tb-high-temperature", "If it went above 39 I'd call."), " | treats-at-home-or-waits")
  T.eq(verdict("tb-explain-cdk46-fever", "She should write her temperatures in a diary to bring to clinic."),
       " | manages-at-home-or-waits")
end)

T.test("teachback rules: a second plan for a milder case that waits; a sign only watched", function()
  T.eq(verdict("tb-explain-cdk46-fever", "If you feel shivery and unwell with it, ring the 24-hour line " ..
               "straight away. If you feel fine apart from the temperature, check it again in the morning."),
       " | manages-at-home-or-waits")
  T.eq(verdict("tb-warning-sign-at-night", "I'd ring them now because warning signs can get serious fast. " ..
               "If they didn't answer I'd try again in the morning."), "call-now if-no-answer | ",
       "a plan for no answer, not for a milder sign")
  T.eq(verdict("tb-hormone-therapy", "A painful swollen leg I'd phone the team about straight away. A " ..
               "swollen sore arm, though, I'd just keep an eye on, that's probably my lymphoedema."), " | ")
end)

T.test("teachback rules: a fever waited on for an hour; feet put up for a sign; a habit is no time", function()
  T.eq(verdict("tb-high-temperature", "Fever on palbociclib can signal neutropenic infection. She should " ..
               "recheck her temperature after an hour and call the 24-hour line if it remains above 38."),
       "infection | treats-at-home-or-waits")
  T.eq(verdict("tb-hormone-therapy", "A swollen arm I'd ring about straight away, because of my lymph " ..
               "nodes. A swollen leg I'd just put my feet up, it's usually only my ankles."), " | ")
  T.eq(verdict("tb-hormone-therapy", "I take it every morning, well or not, and I'd ring the hospital at " ..
               "once if my leg swelled up."), "every-day call-now-clot | ")
  T.eq(verdict("tb-hormone-therapy", "If my leg swelled up I'd ring the hospital in the morning."),
       " | ", "a time the call waits for")
  T.eq(verdict("tb-hormone-therapy", "A fat, sore leg? I'd be on the phone to the team before you could " ..
               "say blood clot."), "call-now-clot | ")
end)

T.test("teachback rules: another sign watched for days, in the sentence of the call", function()
  T.eq(verdict("tb-hormone-therapy", "Chest pain or breathlessness I'd ring 999, but a swollen leg I'd " ..
               "keep an eye on for a few days."), " | ")
  T.eq(verdict("tb-hormone-therapy", "A swollen leg I'd ring about straight away, and keep an eye on " ..
               "my ankles."), "call-now-clot | ", "the ankles watched, the leg called about")
end)

T.test("teachback rules: another sign put down to something else", function()
  T.eq(verdict("tb-hormone-therapy", "I'd ring my team straight away about a painful swollen leg. A " ..
               "swollen, sore arm, though, I'd put down to lymphoedema from my surgery and mention it at clinic."),
       " | ")
  T.eq(verdict("tb-hormone-therapy", "A painful swollen leg I'd ring my team about straight away; I'd put it " ..
               "down to a clot till they say not."), "call-now-clot | ", "the leg is called about, not left")
end)

T.test("teachback rules: 'if I'm not right by the morning' waits; 'as soon as it's light' is a time", function()
  T.eq(verdict("tb-warning-sign-at-night", "Take some paracetamol, get back into bed, and if I'm not right " ..
               "by the morning I'd ring them."), " | ")
  T.eq(verdict("tb-warning-sign-at-night", "It wouldn't be right to wait till morning, I'd ring them."),
       "call-now | ", "the wait denied")
  T.eq(verdict("tb-warning-sign-at-night", "I'd get up, have a cup of tea to calm down, and ring them as soon " ..
               "as it's light."), " | waits-till-morning")
  T.eq(verdict("tb-warning-sign-at-night", "I'd ring them as soon as I noticed it."), "call-now | ")
end)

T.test("teachback rules: beliefs in everyday words (a GP visit, a day skipped, menopause pills)", function()
  T.eq(verdict("tb-high-temperature", "I'd get a GP appointment, they're usually quite quick."),
       " | treats-at-home-or-waits")
  T.eq(verdict("tb-explain-cdk46-fever", "If you get a fever, just skip a day of the palbociclib and let " ..
               "your body recover."), " | manages-at-home-or-waits")
  T.eq(verdict("tb-hormone-therapy", "Is hormone, like the menopause pills."), " | like-hrt")
  T.eq(verdict("tb-hormone-therapy", "Menopause on fast-forward, basically. It kills off the oestrogen my " ..
               "cancer loves."), "blocks-oestrogen | ", "the menopause, not its pills")
end)

T.test("teachback rules: 'Ring us straight away' in a student's explanation is the team's line", function()
  T.eq(verdict("tb-explain-cdk46-fever", "It's likely an infection, because the tablets lower your " ..
               "neutrophils. Ring us straight away, whatever the time."), "low-white-cells call-at-once | ")
  T.eq(verdict("tb-explain-cdk46-fever", "Ring us tomorrow."),
       " | manages-at-home-or-waits", "put off")
  T.eq(verdict("tb-back-pain-legs", "My daughter would ring us a taxi straight away."), " | ",
       "a taxi for us is no call for help")
end)

T.test("teachback rules: 'I suppose' after the call; a lower reading checked overnight; feet kept up", function()
  T.eq(verdict("tb-high-temperature", "I would call the 24 hour line, I suppose."), " | ")
  T.eq(verdict("tb-high-temperature", "I would call the 24 hour line straight away."), "call-now | ")
  T.eq(verdict("tb-high-temperature", "If it's over 38 I'd ring the 24-hour line straight away. If it's only " ..
               "a bit raised, like 37.8, I'd keep checking it at home overnight."), " | treats-at-home-or-waits")
  T.eq(verdict("tb-hormone-therapy", "I'd ring straight away about a painful arm. A swollen leg I'd just " ..
               "keep my feet up, I've always had puffy ankles."), " | ")
end)

T.test("teachback rules: a milder sign treated as a cold, rested or left for days; 'only if' over 38.5", function()
  T.eq(verdict("tb-high-temperature", "If I had a temperature and felt shivery I'd call straight away, but a " ..
               "temperature on its own with a bit of a sniffle I'd treat as a cold."),
       " | just-a-cold treats-at-home-or-waits")
  T.eq(verdict("tb-hormone-therapy", "I'd ring straight away about the hot flushes because they're driving me " ..
               "mad, but a swollen leg I'd probably leave a few days, I get that from standing at work."),
       "report | ")
  T.eq(verdict("tb-hormone-therapy", "A swollen arm I'd ring about straight away because of my lymph nodes, " ..
               "but a sore swollen leg I'd just rest, I get that from standing at work."), " | ")
  T.eq(verdict("tb-explain-cdk46-fever", "tell her fever = ring 24h line but only if its over 38.5"),
       " | manages-at-home-or-waits")
  T.eq(verdict("tb-explain-cdk46-fever", "ring the 24h line straight away if its 38 or more"),
       "call-at-once | ", "38 is the line's own figure")
  T.eq(verdict("tb-explain-cdk46-fever", "She should ring the 24-hour line straight away. Well, unless it's " ..
               "the middle of the night, then first thing in the morning is fine."), " | manages-at-home-or-waits")
  T.eq(verdict("tb-warning-sign-at-night", "I'd write down what I was feeling, and as soon as the day nurses " ..
               "were in at 8 I'd be first on the phone."), " | waits-till-morning")
end)

T.test("teachback rules: NHS 111 by name is a general line, and 'them' after it is that line", function()
  T.eq(verdict("tb-explain-cdk46-fever", "She should ring NHS 111 straight away and tell them she's on " ..
               "palbociclib."), " | ")
  T.eq(verdict("tb-explain-cdk46-fever", "She should ring the 24-hour line straight away and tell them she's " ..
               "on palbociclib."), "call-at-once | ", "the team's line")
end)

T.test("teachback rules: a bath first, a charity's number given, a milder fever watched, a fever not broken", function()
  T.eq(verdict("tb-high-temperature", "Either way I'd want to know, so I'd call the 24-hour line after I've " ..
               "had a cool bath and seen whether it comes down."), " | treats-at-home-or-waits")
  T.eq(verdict("tb-explain-cdk46-fever", "Give her the Macmillan number so she can ring them any time if she " ..
               "gets a fever."), " | ")
  T.eq(verdict("tb-high-temperature", "If I had a cough and a temperature I'd call straight away, but a " ..
               "temperature on its own I'd just watch."), " | treats-at-home-or-waits")
  T.eq(verdict("tb-high-temperature", "I'd give the doctor a ring if it hadn't broken by morning."), " | ")
  T.eq(verdict("tb-hormone-therapy", "A swollen painful arm I'd call about right away, because of my lymph " ..
               "nodes. A swollen leg I'd probably just put down to standing too long."), " | ")
  T.eq(verdict("tb-high-temperature", "I'd ring the 24-hour line now, whatever the hour."), "call-now | ")
end)

T.test("teachback rules: 'I feel fine now' is no word of now; 'But if…' a second plan; 'leave that one'", function()
  T.eq(verdict("tb-hormone-therapy", "I feel fine now, so I've stopped taking them. If my leg swelled I'd " ..
               "ring them, obviously."), " | stops-when-well")
  T.eq(verdict("tb-warning-sign-at-night", "If it was the fever I'd call straight away. But if it was the new " ..
               "headache I'd take paracetamol and see if it had gone by the morning."), " | waits-till-morning")
  T.eq(verdict("tb-hormone-therapy", "If my arm got swollen and painful I'd ring them now. A swollen leg's " ..
               "normal for me though, my ankles always swell, so I'd leave that one."), " | ")
end)

T.test("teachback rules: a milder fever watched till morning; another sign mentioned at clinic", function()
  T.eq(verdict("tb-high-temperature", "If I had a temperature and the shivers I'd call straight away. Just a " ..
               "temperature on its own, say 38, I'd watch it till morning."), " | treats-at-home-or-waits")
  T.eq(verdict("tb-hormone-therapy", "A swollen painful leg I'd ring about straight away. If it was my arm, " ..
               "I'd assume it was from having my lymph nodes out and mention it at clinic."), " | ")
  T.eq(verdict("tb-hormone-therapy", "Hot flushes I'd mention at clinic, but a swollen painful leg I'd ring " ..
               "about straight away."), "report call-now-clot | ", "the flushes wait, the leg does not")
end)

T.test("teachback rules: a few days given to the other sign; 'see whether it passed' till dawn; 'no' denies its noun", function()
  T.eq(verdict("tb-back-pain-legs", "The weak legs I'd ring about straight away. The back ache I'd give a " ..
               "few days, I reckon that's just how I slept."), " | rests-or-waits")
  T.eq(verdict("tb-warning-sign-at-night", "I'd sit up with a hot drink and see whether it passed before " ..
               "troubling anyone. If it hadn't gone by dawn I'd telephone the hospital."),
       " | waits-till-morning")
  T.eq(verdict("tb-explain-cdk46-fever", "If she has a temperature with a cough, she should call at once. A " ..
               "temperature on its own with no other symptoms can wait till her next blood test."),
       " | manages-at-home-or-waits")
  T.eq(verdict("tb-explain-cdk46-fever", "She should call the 24-hour line at once; no temperature can wait."),
       "call-at-once | ", "'no' right before its noun still denies the wait")
end)

T.test("teachback rules: 'but probably after' a rest; an alarm for 7; a double condition; 'rly'", function()
  T.eq(verdict("tb-warning-sign-at-night", "Call the team, but probably after I'd had a lie down and let it " ..
               "settle."), " | waits-till-morning")
  T.eq(verdict("tb-warning-sign-at-night", "Call the team straight away, but not my daughter, she'd panic."),
       "call-now | ", "a 'but' with no delay after it is a contrast")
  T.eq(verdict("tb-warning-sign-at-night", "set an alarm for 7 and call them then"), " | waits-till-morning")
  T.eq(verdict("tb-hormone-therapy", "One pill daily, I set an alarm on my phone. A hot swollen leg I'd " ..
               "phone about right away."), "every-day call-now-clot | ", "an alarm to remember a pill")
  T.eq(verdict("tb-explain-cdk46-fever", "tell her if temp goes up to ring 24hr line if she feels rly " ..
               "unwell w it"), " | ")
end)

T.test("teachback rules: a choice turned down after 'rather … than'; 'without a second thought'", function()
  T.eq(verdict("tb-warning-sign-at-night", "I'd ring them immediately. Better they tell me it's nothing than " ..
               "I leave it."), "call-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "I'd call them now. The team would much rather hear from me at 2am " ..
               "than see me in a worse state at 9."), "call-now never-a-bother | ")
  T.eq(verdict("tb-warning-sign-at-night", "I'd rather wait till morning than ring them now."),
       " | waits-till-morning", "the call turned down, the wait kept")
  T.eq(verdict("tb-warning-sign-at-night", "I'd ring them at 2am without a second thought."), "call-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "I'd ring them now. On second thought, I'd wait till morning."),
       " | waits-till-morning", "second thoughts had")
end)

T.test("teachback rules: the team's call back waited for; 'the sister on the unit'; 'straight up to'", function()
  T.eq(verdict("tb-back-pain-legs", "Ring my cancer nurse straight away. If it got worse while I waited for " ..
               "her to ring back, I'd go to A&E."), "act-now | ")
  T.eq(verdict("tb-back-pain-legs", "I'd telephone the sister on the cancer unit there and then."), "act-now | ")
  T.eq(verdict("tb-back-pain-legs", "I'd ring my sister on the phone and see what she says."), " | ")
  T.eq(verdict("tb-high-temperature", "I'd go straight up to the hospital. I wouldn't wait."), "call-now | ")
  T.eq(verdict("tb-hormone-therapy", "If I got a painful, swollen arm or leg I'd phone the team that same " ..
               "moment."), "call-now-clot | ")
end)

T.test("teachback rules: the feet put up first on another sign; a pharmacy line; a shift finished first", function()
  T.eq(verdict("tb-hormone-therapy", "A painful swollen arm I'd ring about straight away. A swollen leg though " ..
               "I'd just put my feet up first, it's usually only from standing all day."), " | ")
  T.eq(verdict("tb-explain-cdk46-fever", "Ring the pharmacy advice line on the leaflet if you get a fever."), " | ")
  T.eq(verdict("tb-hormone-therapy", "Swollen painful leg, I'd call the team straight away. Well, once I'd " ..
               "finished my shift at work, no point panicking."), " | ")
  T.eq(verdict("tb-hormone-therapy", "Swollen painful leg, I'd call the team straight away. Well, that's what " ..
               "they said."), "call-now-clot | ", "a sentence after the call with no wait in it")
end)

T.test("teachback rules: a wait named as the harm; 'why would I wait?'; 'hold on to this'; 'a different story'", function()
  T.eq(verdict("tb-back-pain-legs", "call the team now bc it might be the cancer pushing on my spinal cord n i " ..
               "could lose my legs if i wait"), "act-now spinal-cord | ")
  T.eq(verdict("tb-back-pain-legs", "I call the hospital team at once. Not wait. The cancer can push on the " ..
               "cord inside my back bone, and if I wait maybe after I cannot walk."), "act-now spinal-cord | ")
  T.eq(verdict("tb-warning-sign-at-night", "I'd call right now. Waiting till morning could be too late."),
       "call-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "I'd wait till morning, it could be worse at night."),
       " | waits-till-morning", "the harm of the night, not of the wait")
  T.eq(verdict("tb-warning-sign-at-night", "Why would I sit there worrying till morning? I'd ring them now."),
       "call-now | ")
  T.eq(verdict("tb-hormone-therapy", "My sister says once the scans are clear I can stop taking it, and I think " ..
               "that makes sense. Why take it if there's nothing there?"), " | stops-when-well",
       "a 'why' question may hold a belief")
  T.eq(verdict("tb-explain-cdk46-fever", "It's a lot to take in, so just hold on to this: if that happens, you " ..
               "call the 24-hour number straight away."), "call-at-once | ")
  T.eq(verdict("tb-hormone-therapy", "But a fat sore leg is a different story, that's a phone call that minute."),
       "call-now-clot | ")
end)

T.test("teachback rules: 'then' with its word of now after a long target; 'be on that line'; 'sometimes'", function()
  T.eq(verdict("tb-warning-sign-at-night", "I'd remind myself they'd much rather hear early. Then I'd ring the " ..
               "acute oncology number on my card straight away."), "call-now never-a-bother | ")
  T.eq(verdict("tb-high-temperature", "A fever? On this stuff? I'd be on that 24-hour line faster than you can " ..
               "say thermometer."), "call-now | ")
  T.eq(verdict("tb-back-pain-legs", "I've had a bad back for years so it's hard to tell sometimes. I'd ring " ..
               "the 24 hour number there and then."), "act-now | ")
  T.eq(verdict("tb-hormone-therapy", "I'd ring them sometime."), " | ")
end)

T.test("teachback rules: 'Well, no' takes the call back; a day given to another sign; feeling unwell as well", function()
  T.eq(verdict("tb-warning-sign-at-night", "I'd call the team now. Well, no, probably I'd text my daughter " ..
               "first and ask what she thinks."), " | ")
  T.eq(verdict("tb-hormone-therapy", "I stop taking it when I feel well, no point otherwise."),
       " | stops-when-well", "'well, no' inside a sentence takes nothing back")
  T.eq(verdict("tb-hormone-therapy", "If my calf was painful and swollen I'd ring the team now. A swollen sore " ..
               "arm I'd give a day or two."), " | ")
  T.eq(verdict("tb-hormone-therapy", "A swollen sore arm I'd give them a ring about straight away."),
       "call-now-clot | ", "a ring given is a call")
  T.eq(verdict("tb-high-temperature", "If I had a temperature and the shivers I'd ring straight away, but a " ..
               "temperature on its own I'd watch for a day."), " | treats-at-home-or-waits")
  T.eq(verdict("tb-explain-cdk46-fever", "If your temperature is high and you feel unwell with it, ring the " ..
               "24-hour line."), " | ")
  T.eq(verdict("tb-explain-cdk46-fever", "If she gets a fever or feels unwell, she calls the 24-hour line " ..
               "straight away."), "call-at-once | ", "feeling unwell as another choice")
  T.eq(verdict("tb-back-pain-legs", "The back pain I'd ignore, I've always had a bad back. But if the legs " ..
               "got really weak I'd phone straight away."), " | ")
end)

T.test("teachback rules: 111 as 'the non-emergency number'; 'at about 7'; 'dr asap'; 'call us' after its 'if'", function()
  T.eq(verdict("tb-warning-sign-at-night", "I'd ring 111, the non-emergency number, they're open all night."),
       " | ")
  T.eq(verdict("tb-warning-sign-at-night", "I'd get my card and my list of medicines together, and ring them at " ..
               "about 7 so I'm not dragging some poor nurse out of bed."), " | waits-till-morning")
  T.eq(verdict("tb-warning-sign-at-night", "I'd ring them at about 2am, straight away."), "call-now | ",
       "a night hour is now")
  T.eq(verdict("tb-back-pain-legs", "dr asap or ER if cant get thru. cancer might b squashing my spinal cord"),
       "act-now spinal-cord | ")
  T.eq(verdict("tb-hormone-therapy", "I'd tell her: keep taking it every day; and if a leg or arm goes painful " ..
               "and swollen, call us straight away."), "every-day call-now-clot | ")
  T.eq(verdict("tb-hormone-therapy", "If his leg came up red and swollen and sore I'd ring his team right then."),
       "call-now-clot | ")
  T.eq(verdict("tb-hormone-therapy", "If her arm puffed up and was painful I'd phone her team straight away."),
       "call-now-clot | ")
  T.eq(verdict("tb-high-temperature", "People keep telling me to take a Lemsip. No. On palbociclib you call " ..
               "the 24-hour line, now."), "call-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "well I know I'm supposed to call them so I would call them right " ..
               "then even if it feels rude"), "call-now never-a-bother | ")
  T.eq(verdict("tb-warning-sign-at-night", "I suppose I'd call them now."), " | ", "a hedge still")
end)

T.test("teachback rules: a trailing 'then' points back to its time; a telling a wait holds back; 'that instant'", function()
  T.eq(verdict("tb-back-pain-legs", "This could be the cancer pressing on my spinal cord. I'd tell my husband " ..
               "when he gets home from work and we'd phone the clinic together then."),
       "spinal-cord | rests-or-waits")
  T.eq(verdict("tb-back-pain-legs", "I'd phone the clinic straight away and tell my husband when he gets home, " ..
               "and we'd talk about it then."), "act-now | ", "the family told later, the call now")
  T.eq(verdict("tb-explain-cdk46-fever", "Call us straight away, day or night. Don't wait to tell the doctor at " ..
               "your next visit."), "call-at-once | ")
  T.eq(verdict("tb-explain-cdk46-fever", "Don't wait to call the 24-hour line."), "call-at-once | ")
  T.eq(verdict("tb-hormone-therapy", "Fat sore leg, I grab the phone that instant. Clot territory."),
       "call-now-clot | ")
  T.eq(verdict("tb-hormone-therapy", "If my leg swells and hurts I'll phone them immediately."), "call-now-clot | ",
       "\"I'll\" is read as \"ill\", which is no feeling unwell")
end)

T.test("teachback rules: 'The arm I wouldn't worry about'; a flush told at the next visit beside the call; '??'", function()
  T.eq(verdict("tb-hormone-therapy", "A swollen painful leg I'd ring about straight away. The arm I wouldn't " ..
               "worry about, that's just from having my lymph nodes out."), " | ")
  T.eq(verdict("tb-hormone-therapy", "A swollen painful leg I'd ring about straight away. I wouldn't worry " ..
               "about ringing them at night."), "call-now-clot | ", "no sign left unworried")
  T.eq(verdict("tb-hormone-therapy", "I'd tell them about the hot flushes at my next appointment, but a " ..
               "painful swollen leg I'd ring about immediately."), "report call-now-clot | ")
  T.eq(verdict("tb-hormone-therapy", "swollen painful leg?? ring team asap. dont wait"), "call-now-clot | ",
       "'??' ends one sentence, not two")
  T.eq(verdict("tb-back-pain-legs", "Knowing my luck it'll be the cancer leaning on my spinal cord, so I'd be " ..
               "on the phone to the team before I'd even sat down."), "act-now spinal-cord | ")
  T.eq(verdict("tb-warning-sign-at-night", "I'd make myself call right away. If I waited and it turned out to " ..
               "be serious that'd be far worse."), "call-now | ")
  T.eq(verdict("tb-explain-cdk46-fever", "If your temperature stays above 38 for more than an hour, ring the " ..
               "24-hour line."), " | manages-at-home-or-waits", "'stays' is no wait of the learner's")
end)

T.test("teachback rules: an 'if' clause going on past 'and'; 'depending on'; a step after 999", function()
  T.eq(verdict("tb-explain-cdk46-fever", "If your temperature is over 38 and it doesn't come down with " ..
               "paracetamol, ring the 24-hour line."), "check-before-paracetamol | manages-at-home-or-waits")
  T.eq(verdict("tb-explain-cdk46-fever", "I'd probably advise her to contact the triage line, I think, " ..
               "depending on how unwell she looks."), " | ", "a hedge, no belief that waiting is fine")
  T.eq(verdict("tb-back-pain-legs", "I'd call 999 there and then and tell them her legs have gone weak, then " ..
               "ring her oncology team from the ambulance."), "act-now | ")
  T.eq(verdict("tb-back-pain-legs", "I'd wait and see, then ring the team straight away."), " | rests-or-waits")
  T.eq(verdict("tb-warning-sign-at-night", "If it's a warning sign I'm ringing them, 2am or not."), "call-now | ")
end)

T.test("teachback rules: another's reluctance the learner acts against is not held; a carer's report still is", function()
  T.eq(verdict("tb-warning-sign-at-night", "My wife would hate to be a nuisance, so I'd ring the 24 hour line for " ..
               "her straight away."), "call-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "My wife would hate to be a nuisance, so she'd wait till morning."),
       " | waits-till-morning a-bother", "no one acts against it")
  T.eq(verdict("tb-hormone-therapy", "She stops taking it when she feels well. If her leg swells I'd ring " ..
               "straight away."), "call-now-clot | stops-when-well")
  T.eq(verdict("tb-bone-medicine", "My son says it's killing off the cancer cells in the bone, and I suppose " ..
               "that's right, so that's what I'll tell everyone."), " | treats-cancer",
       "a belief passed on is held")
end)

T.test("teachback rules: a belief put aside (an echo, 'or not', a worry denied, stopped or asked why) is not held", function()
  T.eq(verdict("tb-warning-sign-at-night", "Nuisance? They're paid to answer that phone at night. I'd call them " ..
               "immediately."), "call-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "I'd be frightened, so I'd ring them right then. Nuisance or not, " ..
               "it's my life."), "call-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "I wouldn't sit there fretting about being a nuisance. I'd call the " ..
               "care team now."), "call-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "I'd tell Mum to stop worrying about being a nuisance and I'd ring " ..
               "the hospital line for her right then."), "call-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "Why would I care about being a nuisance at 2am? I ring them. Now."),
       "call-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "I'd ring them now, though I can't help fretting over being a nuisance."),
       "call-now | a-bother", "a worry that cannot be helped is held")
  -- (Since overcome(): a worry then acted against is not held either.)
  T.eq(verdict("tb-warning-sign-at-night", "I'd worry about being a nuisance, but I'd ring them now."),
       "call-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "I'd worry about being a nuisance, so I'd wait."),
       " | waits-till-morning a-bother")
  T.eq(verdict("tb-warning-sign-at-night", "I'm being a nuisance, aren't I? I'd ring them now anyway."),
       "call-now | a-bother", "a question of more than three words is no echo")
end)

T.test("teachback rules: 'when the day team is on'; someone else's call after 'when'; a charity's line; 'put it up'; 'can keep till'; 'watch for a few hours'; 'properly weak'", function()
  T.eq(verdict("tb-explain-cdk46-fever", "If you do have a temperature, call the triage line when the day team is " ..
               "on, so they can arrange bloods."), " | manages-at-home-or-waits")
  T.eq(verdict("tb-back-pain-legs", "I'd tell my daughter about it when she phones tonight and see what she " ..
               "thinks."), " | ", "her call is a time, not the learner's")
  T.eq(verdict("tb-back-pain-legs", "My daughter would ring 999 straight away."), "act-now | ",
       "a relative's call, not after 'when'")
  T.eq(verdict("tb-high-temperature", "I'd call the nurse helpline on the breast cancer charity website " ..
               "straight away, they're lovely."), " | ")
  T.eq(verdict("tb-high-temperature", "I'd call the nurse helpline straight away, they're lovely."), "call-now | ")
  T.eq(verdict("tb-hormone-therapy", "A swollen painful arm I'd phone about straight away. My legs swell anyway " ..
               "from standing at work, so if it was my leg I'd just put it up."), " | ")
  T.eq(verdict("tb-warning-sign-at-night", "If it was the breathing one I'd call 999 straight away. But a " ..
               "temperature or a bit of pain can keep till the clinic opens."), "if-no-answer | waits-till-morning")
  T.eq(verdict("tb-explain-cdk46-fever", "If you get shivers, call the 24-hour line straight away. A mild " ..
               "temperature on its own you can watch for a few hours."), " | brushed-off manages-at-home-or-waits")
  T.eq(verdict("tb-back-pain-legs", "If my legs went properly weak, like I couldn't stand up, I'd call the team " ..
               "right away."), " | ")
  T.eq(verdict("tb-back-pain-legs", "My legs are weak, so I'd call the team right away."), "act-now | ")
end)

T.test("teachback rules: a wrong action denied with all it comes with; 'I can not walk after if I wait'; 'Fever means call us'", function()
  T.eq(verdict("tb-back-pain-legs", "Well I'm not going to lie on the sofa with a hot water bottle! I'd be on " ..
               "the phone to my breast care team right away."), "act-now | ")
  T.eq(verdict("tb-back-pain-legs", "I'd lie on the sofa with a hot water bottle and ring the team if it got " ..
               "worse."), " | rests-or-waits")
  T.eq(verdict("tb-hormone-therapy", "I wouldn't sit at home with a painful swollen leg, I'd call the team now."),
       "call-now-clot | ", "the sign is named all the same")
  T.eq(verdict("tb-back-pain-legs", "I call my doctor now, not wait. I can not walk after if I wait."),
       "act-now | ")
  T.eq(verdict("tb-explain-cdk46-fever", "Fever means call us at once, day or night."), "call-at-once | ")
end)

T.test("teachback rules: 'if she feels unwell with it'; 'I'd give a day or two'; 'I'd just rest', 'feet up' on the other sign", function()
  T.eq(verdict("tb-explain-cdk46-fever", "fever on palbo = infection risk bc low wbc, tell her to call the 24hr " ..
               "line if she feels unwell with it"), "low-white-cells | ")
  T.eq(verdict("tb-explain-cdk46-fever", "tell her to call the 24hr line right away if she has a fever"),
       "call-at-once | ")
  T.eq(verdict("tb-back-pain-legs", "I'd ring the team about the back tonight. The legs, though, I'd give a day " ..
               "or two."), " | rests-or-waits")
  T.eq(verdict("tb-hormone-therapy", "If my leg was swollen and painful I'd call them straight away. An arm, " ..
               "though, I'd just rest."), " | ")
  T.eq(verdict("tb-hormone-therapy", "I'd call straight away about a swollen arm. But a sore swollen leg I'd " ..
               "rest with my feet up."), " | ")
  T.eq(verdict("tb-back-pain-legs", "I'd ring the cancer nurse straight away, though they'll tell me to rest it."),
       "act-now | ", "the team's advice after the call")
end)

T.test("teachback rules: another's reluctance the next sentence acts against; a bother chosen over worse", function()
  T.eq(verdict("tb-warning-sign-at-night", "My wife would say she doesn't want to bother anyone. I'd ring the " ..
               "cancer line myself there and then."), "call-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "My mum would say she didn't want to be a nuisance. I'd tell her to " ..
               "ring at eight."), " | waits-till-morning a-bother", "her call, told by the learner")
  T.eq(verdict("tb-high-temperature", "My wife says it's just a chill. I'd probably go along with her."),
       " | just-a-cold", "going along is no call")
  T.eq(verdict("tb-warning-sign-at-night", "I'd call them right away. I'd rather feel silly than be really ill."),
       "call-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "I'd call them right away. Feeling a bit silly is better than being " ..
               "in real trouble."), "call-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "Call them now. Better to be a nuisance than be dead."),
       "call-now | a-bother")
  T.eq(verdict("tb-why-treatment-differs", "Honestly I think she's got better insurance than me, so she gets the " ..
               "newer drugs."), " | luck-or-money", "a comparison, not a choice")
end)

T.test("teachback rules: 'I'd do that after a good night's sleep' amends the call before it; 'over 38 twice'", function()
  T.eq(verdict("tb-high-temperature", "You need to ring the 24-hour line and not wait around. I'd do that after " ..
               "a good night's sleep."), " | treats-at-home-or-waits")
  T.eq(verdict("tb-high-temperature", "You need to ring the 24-hour line. I'd do that right away."), "call-now | ")
  T.eq(verdict("tb-high-temperature", "If it went over 38 twice I would call the 24 hour line."),
       " | treats-at-home-or-waits")
  T.eq(verdict("tb-high-temperature", "If it went over 38 I would call the 24 hour line straight away."),
       "call-now | ")
end)

T.test("teachback rules: the Breast Cancer Care helpline; 'Well, maybe after a day or two'; 'first thing is'; 'waiting could leave me paralysed'; 'Please phone us'; 'on the 24-hour line in two minutes flat'", function()
  T.eq(verdict("tb-explain-cdk46-fever", "Call the Breast Cancer Care helpline and they'll tell you what to do."),
       " | ")
  T.eq(verdict("tb-hormone-therapy", "I'd ring the breast care nurse straight away about a swollen leg."),
       "call-now-clot | ")
  T.eq(verdict("tb-hormone-therapy", "I'd ring the team straight away about a swollen leg. Well, maybe after a " ..
               "day or two, I don't like making a fuss."), " | ")
  T.eq(verdict("tb-back-pain-legs", "first thing is call my onc nurse now cos the cancer might be on my spinal " ..
               "cord"), "act-now spinal-cord | ")
  T.eq(verdict("tb-back-pain-legs", "I'd call my nurse first thing."), " | rests-or-waits")
  T.eq(verdict("tb-back-pain-legs", "I'd call an ambulance right now. If the cancer is pressing on my spinal " ..
               "cord, waiting could leave me paralysed."), "act-now spinal-cord | ")
  T.eq(verdict("tb-explain-cdk46-fever", "Please phone us immediately, any hour."), "call-at-once | ")
  T.eq(verdict("tb-high-temperature", "Not on these tablets, mate! I'd be on the 24-hour line in two minutes " ..
               "flat."), "call-now | ")
end)

T.test("teachback rules: a belief a part opens with, denied straight after it, is not held", function()
  T.eq(verdict("tb-warning-sign-at-night", "I'll ring the team now. Being a nuisance isn't a thing with them."),
       "call-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "Being a nuisance is the least of my worries. I'd phone the oncology " ..
               "line there and then."), "call-now | ")
  T.eq(verdict("tb-high-temperature", "It's just a cold, isn't it? I'd ring them in the morning."),
       " | just-a-cold treats-at-home-or-waits", "a tag question asks")
  T.eq(verdict("tb-warning-sign-at-night", "I'd ring the team now. I'm a nuisance, I know it."),
       "call-now | a-bother")
end)

T.test("teachback rules: 'I'd ignore that' of a sign; 'tell me if I need to go in'; what is dangerous is the clause before it; 'none of this ...'", function()
  T.eq(verdict("tb-hormone-therapy", "Painful arm, I'd call the team now. Swollen leg, that's just my ankles, " ..
               "I'd ignore that."), " | ")
  T.eq(verdict("tb-warning-sign-at-night", "call 111 i guess? they'd tell me if i need to go in."), " | ")
  T.eq(verdict("tb-warning-sign-at-night", "If I need to, I'd go in to the hospital right away."), "call-now | ")
  T.eq(verdict("tb-back-pain-legs", "I'd ring the team now because waiting is dangerous."), "act-now | ")
  T.eq(verdict("tb-back-pain-legs", "Waiting and seeing is risky, so I'd ring now."), "act-now | ")
  T.eq(verdict("tb-explain-cdk46-fever", "You ring that 24-hour number immediately, none of this 'I'll see how " ..
               "I feel'."), "call-at-once | ")
end)

T.test("teachback rules: 'it is risky to wait', 'it's a mistake to wait', 'a bad idea to wait' warn against the wait", function()
  T.eq(verdict("tb-back-pain-legs", "I'd call my care team now because it is risky to wait."), "act-now | ")
  T.eq(verdict("tb-back-pain-legs", "I'd call my care team now, since it is dangerous to wait."), "act-now | ")
  T.eq(verdict("tb-high-temperature", "I'd phone the 24-hour line now because it would be wrong to wait."),
       "call-now | ")
  T.eq(verdict("tb-high-temperature", "I'd phone the 24-hour line now. It's a mistake to wait."), "call-now | ")
  T.eq(verdict("tb-high-temperature", "It's a bad idea to wait, so I'd phone the 24-hour line now."), "call-now | ")
  T.eq(verdict("tb-high-temperature", "It's risky, but I'd wait till morning."), " | treats-at-home-or-waits")
end)

T.test("teachback rules: 'I think I would call' is unsure unless a word of now follows; 'I'd sit that one out'; 'without other symptoms can wait'", function()
  T.eq(verdict("tb-high-temperature", "I think I would call the 24 hour line."), " | ")
  T.eq(verdict("tb-high-temperature", "I think I'd ring the unit right away, they said not to leave it."),
       "call-now | ")
  T.eq(verdict("tb-high-temperature", "If I had the shivers I'd ring at once, but a temperature with a runny nose " ..
               "is just a cold, I'd sit that one out."), " | just-a-cold treats-at-home-or-waits")
  T.eq(verdict("tb-explain-cdk46-fever", "This is not a fever you sit out. You phone the 24-hour line the minute " ..
               "you see 38."), "call-at-once | ")
  T.eq(verdict("tb-explain-cdk46-fever", "If you get a fever with shivers, phone the 24-hour line right away. A " ..
               "temperature on its own without other symptoms can wait until your next blood test."),
       " | manages-at-home-or-waits")
end)

T.test("teachback rules: 'I'd give a day or so'; 'during opening hours'", function()
  T.eq(verdict("tb-back-pain-legs", "I'd call the team straight away about the back pain. The weak legs I'd give " ..
               "a day or so to see if they pick up."), " | rests-or-waits")
  T.eq(verdict("tb-explain-cdk46-fever", "If she has a fever she should ring the clinic during opening hours."),
       " | manages-at-home-or-waits")
  T.eq(verdict("tb-explain-cdk46-fever", "If she has a fever she should ring the clinic straight away, whatever " ..
               "the hour."), "call-at-once | ")
end)

T.test("teachback rules: the team's own phone and calls ('They answer the phone at night', 'The night nurse rings round') are not the learner's", function()
  T.eq(verdict("tb-warning-sign-at-night", "They answer the phone at night, so I'd text my daughter."), " | ")
  T.eq(verdict("tb-warning-sign-at-night", "They pick up the phone straight away, they said. I'd ask my husband " ..
               "what to do."), " | ")
  T.eq(verdict("tb-warning-sign-at-night", "The night nurse rings round at night anyway. I'd mention it to her."),
       " | ")
  T.eq(verdict("tb-warning-sign-at-night", "The ward phones patients at night sometimes. I'd ask my husband."), " | ")
  T.eq(verdict("tb-warning-sign-at-night", "I'd pick up the phone straight away."), "call-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "They said ring any time, so I'd ring them now."), "call-now | ")
  T.eq(verdict("tb-back-pain-legs", "My husband would ring 999 straight away."), "act-now | ")
end)

T.test("teachback rules: a relative who is a nurse or paramedic, and the pharmacy, are no clinical help", function()
  T.eq(verdict("tb-warning-sign-at-night", "My daughter is a nurse, so I'd call her right away."), " | ")
  T.eq(verdict("tb-warning-sign-at-night", "I'd ring her chemo line right away."), "call-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "My son's a paramedic, I'd call him now."), " | ")
  T.eq(verdict("tb-back-pain-legs", "I'd call a paramedic right away."), "act-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "I'd phone the pharmacy right away."), " | ")
end)

T.test("teachback rules: a reluctance felt, then acted against past 'but', 'still' or 'anyway', is not held", function()
  T.eq(verdict("tb-warning-sign-at-night", "I'd feel a bit silly, I suppose, but I'd still ring the number on my " ..
               "card right away."), "call-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "I hate making a fuss. But the nurse was very clear, so I'd ring the " ..
               "24-hour line now."), "call-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "I'd feel dreadful disturbing them at that hour, but I'd telephone the " ..
               "ward all the same, right away."), "call-now | ")
  -- Held after the call, or with no word that sets the call against it.
  T.eq(verdict("tb-warning-sign-at-night", "I'd ring now, but I'd feel a nuisance."), "call-now | a-bother")
  T.eq(verdict("tb-warning-sign-at-night", "I hate making a fuss. I'd ring them now."), "call-now | a-bother")
  -- No call made: the reluctance stands.
  T.eq(verdict("tb-warning-sign-at-night", "I'd feel silly, but I'd still wait till morning."),
       " | waits-till-morning a-bother")
  -- A belief about the sign is not answered by the call.
  T.eq(verdict("tb-back-pain-legs", "I'd feel silly because it's prob just a strain but i'd still ring the " ..
               "chemo ward rn"), "act-now | just-age-or-strain")
end)

T.test("teachback rules: 'try not to' negates one thing; the buses starting is no onset of the sign", function()
  T.eq(verdict("tb-warning-sign-at-night", "I'd try not to be a nuisance and wait until the clinic opens at 8. " ..
               "Then I'd ring them straight away."), " | waits-till-morning")
  T.eq(verdict("tb-warning-sign-at-night", "I'd try not to panic and ring them straight away."), "call-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "I wouldn't want to ignore it. I'd go up to the hospital when the buses " ..
               "start running at six."), " | waits-till-morning")
  T.eq(verdict("tb-back-pain-legs", "If it came on at the weekend I'd ring them straight away."), "act-now | ")
end)

T.test("teachback rules: a tag question ('…right away, even at night, okay?') instructs; 'Nobody's telling me to wait'; a wait that 'is how people end up in trouble'", function()
  T.eq(verdict("tb-explain-cdk46-fever", "Mum, this new pill lowers your infection-fighting cells. If you get a " ..
               "fever you call the number on your card right away, even at night, okay? Don't just take a " ..
               "paracetamol and go back to bed."), "low-white-cells call-at-once check-before-paracetamol | ")
  T.eq(verdict("tb-high-temperature", "So it's just a cold, right? I'd ring them now."), "call-now | just-a-cold")
  T.eq(verdict("tb-high-temperature", "I don't care what time it is, I'm ringing the 24-hour line. Nobody's " ..
               "telling me to wait till morning with a fever on this stuff."), "call-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "The night staff are paid to be awake, aren't they? So I'd ring them " ..
               "there and then. Waiting for morning is how people end up in real trouble."), "call-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "Waiting till morning is how I'd do it."), " | waits-till-morning")
end)

T.test("teachback rules: reluctance in other words ('wouldn't dream of ringing', 'no point getting everyone up', 'dont want 2 b a pain')", function()
  T.eq(verdict("tb-warning-sign-at-night", "I wouldn't dream of ringing anybody at that hour. I'd make a cup of " ..
               "tea and ring them at a decent time."), " | waits-till-morning a-bother")
  T.eq(verdict("tb-warning-sign-at-night", "Take two paracetamol and try to get back to sleep, then see how I feel " ..
               "when I wake up. No point getting everyone up at 2am."), " | waits-till-morning a-bother")
  T.eq(verdict("tb-warning-sign-at-night", "prob text my nurse n wait for her 2 reply in the morning, dont want 2 b " ..
               "a pain"), " | waits-till-morning a-bother")
  T.eq(verdict("tb-warning-sign-at-night", "prob wait til morn n call the dr then, dont wanna be a pain at 2am"),
       " | waits-till-morning a-bother")
  T.eq(verdict("tb-warning-sign-at-night", "I'd wait, I don't want to be that patient."),
       " | waits-till-morning a-bother")
  T.eq(verdict("tb-warning-sign-at-night", "I wouldn't like to ring at that hour, they're busy people with poorly " ..
               "patients. I'd mention it at my next appointment."), " | waits-till-morning a-bother")
end)

T.test("teachback rules: a bother asked back, dared away or answered by the team's word is not held", function()
  T.eq(verdict("tb-warning-sign-at-night", "What do you mean, a nuisance? I'd ring them now. It's their job and " ..
               "it's my life."), "call-now never-a-bother | ")
  T.eq(verdict("tb-warning-sign-at-night", "I'd tell my wife, don't you dare worry about waking anyone, you're not " ..
               "a bother to them, I'm ringing the cancer line now."), "call-now never-a-bother | ")
  T.eq(verdict("tb-warning-sign-at-night", "I'd phone her cancer ward's night number there and then. She hates " ..
               "fussing, but they told us plainly she is never a bother."), "call-now never-a-bother | ")
  T.eq(verdict("tb-warning-sign-at-night", "What do you mean, a nuisance? I'd wait till morning, I hate making a " ..
               "fuss."), " | waits-till-morning a-bother")
end)

T.test("teachback rules: an appointment in the week, a next review, wait", function()
  T.eq(verdict("tb-back-pain-legs", "I'd book in with my GP, they can usually fit me in within the week."),
       " | rests-or-waits")
  T.eq(verdict("tb-back-pain-legs", "The patient should be advised to report this at her next outpatient review " ..
               "so the team can consider an MRI for possible cord compression."), "spinal-cord | rests-or-waits")
  T.eq(verdict("tb-back-pain-legs", "I've got my oncology appointment on Thursday, so I'd mention it to the " ..
               "doctor then."), " | rests-or-waits")
end)

T.test("teachback rules: 'call about a swollen leg at once', 'on the spot', 'Then I'd call them. Straight away.', 'if you come over hot'", function()
  T.eq(verdict("tb-hormone-therapy", "I take it every day, and I'd call about a swollen painful leg at once."),
       "every-day call-now-clot | ")
  T.eq(verdict("tb-hormone-therapy", "And a fat painful leg? I'd ring them on the spot, I'm not risking a clot."),
       "call-now-clot | ")
  T.eq(verdict("tb-high-temperature", "Oh god, I'd panic. Then I'd call them. Straight away. I know it could be " ..
               "an infection."), "infection call-now | ")
  T.eq(verdict("tb-high-temperature", "I'd rest first. Then I'd call them. Straight away."),
       " | treats-at-home-or-waits")
  T.eq(verdict("tb-explain-cdk46-fever", "Now dear, if you come over hot and feverish, you telephone the number " ..
               "on your card at once, even in the small hours."), "call-at-once | ")
  T.eq(verdict("tb-warning-sign-at-night", "If my son comes over I'd call them."), " | waits-till-morning")
end)

T.test("teachback rules: a wait that 'could let something serious get worse' or 'is how people end up in icu' is the harm", function()
  T.eq(verdict("tb-warning-sign-at-night", "Call the team right away even though it's the middle of the night, " ..
               "because waiting till morning could let something serious get worse."), "call-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "as her carer i wld call the acute onc number asap even tho its 2am, " ..
               "waiting til morning is how ppl end up in icu"), "call-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "I'd wait till morning, it could be nothing."), " | waits-till-morning")
end)

T.test("teachback rules: family asked after 'although'; 'give it an hour or two first'; 'once it's light'; 'if my legs got so weak'", function()
  T.eq(verdict("tb-warning-sign-at-night", "I would call the 24 hour line because you are never a bother to them. " ..
               "Although at 2am I'd probably just text my daughter and see what she says first."),
       "never-a-bother | ")
  T.eq(verdict("tb-warning-sign-at-night", "I would call the 24 hour line now, and do what they say."), "call-now | ")
  T.eq(verdict("tb-high-temperature", "My nurse explained the tablets can drop my white blood cells. She said to " ..
               "ring the 24-hour line. I'd probably give it an hour or two first and recheck my temperature."),
       "infection | treats-at-home-or-waits")
  T.eq(verdict("tb-warning-sign-at-night", "So I'd get dressed, get my bag ready, and then once it's light I'd " ..
               "ring them."), " | waits-till-morning")
  T.eq(verdict("tb-back-pain-legs", "The back pain I'd just put up with, I've had backache before. But if my legs " ..
               "got so weak I couldn't stand up, then I'd call an ambulance."), " | ")
  T.eq(verdict("tb-back-pain-legs", "If my legs went weak I'd call 999 straight away."), "act-now | ")
end)

T.test("teachback rules: 'they might as well talk to me', 'would have me ringing them', 'make the call for her', 'stop moaning', 'or until your next appointment' denied, 'told me off the next day'", function()
  T.eq(verdict("tb-warning-sign-at-night", "2am? The night nurses are awake anyway, they might as well talk to me! " ..
               "No, really, I'd call straight away."), "call-now | ")
  T.eq(verdict("tb-hormone-therapy", "And a hot, swollen, painful arm would have me ringing them immediately."),
       "call-now-clot | ")
  T.eq(verdict("tb-warning-sign-at-night", "She hates making a fuss, so I'd make the call for her there and then."),
       "call-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "I'd ring her now."), " | ")
  T.eq(verdict("tb-hormone-therapy", "But if my leg swelled up and hurt I'd stop moaning and ring them there and " ..
               "then."), "call-now-clot | ")
  T.eq(verdict("tb-explain-cdk46-fever", "If you get one, please don't wait to see if it goes, or until your next " ..
               "appointment. Ring the 24-hour number straight away, even at night."), "call-at-once | ")
  T.eq(verdict("tb-warning-sign-at-night", "Next time I'd just pick up the phone and ring the team right then. The " ..
               "nurse I spoke to the next day told me off for not calling."), "call-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "I'd ring the team the next day."), " | waits-till-morning")
end)

T.test("teachback rules: a belief turned down straight after ('I'd love to blame the gardening, but no'; 'No, seriously, I'd call')", function()
  T.eq(verdict("tb-back-pain-legs", "Ha, I'd love to blame the gardening, but no. I'd be on the phone to the chemo " ..
               "unit right now."), "act-now | ")
  T.eq(verdict("tb-back-pain-legs", "Ha, I'd love to blame the gardening, but I know better. Straight on the phone " ..
               "to my nurses."), "act-now | ")
  T.eq(verdict("tb-back-pain-legs", "Honestly my first thought would be to blame the gardening, ha. No, seriously, " ..
               "I'd call the team straight away."), "act-now | ")
  T.eq(verdict("tb-back-pain-legs", "It's probably just my age, but no, I wouldn't ring them."),
       " | just-age-or-strain")
end)

T.test("teachback rules: 'sweat it out' treats at home; it does not call the fever a cold", function()
  T.eq(verdict("tb-high-temperature", "I'd put myself to bed with a hot toddy and sweat it out, like my mother " ..
               "always said."), " | treats-at-home-or-waits")
  T.eq(verdict("tb-high-temperature", "It's just a cold, I'd sweat it out."), " | just-a-cold treats-at-home-or-waits")
end)

T.test("teachback rules: 'don't brush it off as a bit of a cold' denies the cold; 'then I'd ring them, there and then' after a comma", function()
  T.eq(verdict("tb-explain-cdk46-fever", "Don't brush a temperature off as a bit of a cold. Ring the 24-hour number " ..
               "right then."), "call-at-once | ")
  T.eq(verdict("tb-warning-sign-at-night", "I'd wake my partner and tell him I'm ringing the hospital, and then I'd " ..
               "ring them, there and then."), "call-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "I'd rest first. Then I'd ring them, straight away."),
       " | waits-till-morning")
end)

T.test("teachback rules: 'an arm I'd probably leave'; 'leave them a day or two'; 'at about six when it's not so antisocial'; 'Well, I'd text my sister first'", function()
  T.eq(verdict("tb-hormone-therapy", "If my leg was swollen and painful I'd call at once. An arm, I'd probably " ..
               "leave, I bang my arms all the time."), " | ")
  T.eq(verdict("tb-back-pain-legs", "I'd ring the team now about the new back pain. The weak legs though, I'd " ..
               "leave them a day or two and see."), " | rests-or-waits")
  T.eq(verdict("tb-warning-sign-at-night", "I'd get up, take my temperature, make a cup of tea, and ring them at " ..
               "about six when it's not so antisocial."), " | waits-till-morning")
  T.eq(verdict("tb-warning-sign-at-night", "I'd ring the team now. Well, I'd text my sister first, she's a nurse, " ..
               "and if she said ring then I'd ring."), " | ")
end)

T.test("teachback rules: 'delaying until morning risks deterioration'; 'cross with anyone who told me to wait'; 'make sure she phoned'", function()
  T.eq(verdict("tb-warning-sign-at-night", "She should contact the 24-hour acute oncology line immediately, " ..
               "regardless of the time; delaying until morning risks deterioration."), "call-now | ")
  T.eq(verdict("tb-high-temperature", "I'd phone the 24-hour line immediately, and I'd be cross with anyone who " ..
               "told me to wait."), "call-now | ")
  T.eq(verdict("tb-explain-cdk46-fever", "You telephone the 24-hour line that instant, and don't let anyone tell " ..
               "you to wait until morning."), "call-at-once | ")
  T.eq(verdict("tb-high-temperature", "I'd ask anyone at home, then wait till morning."),
       " | treats-at-home-or-waits")
  T.eq(verdict("tb-warning-sign-at-night", "Mum hates making a fuss, but I'd make sure she phoned the oncology line " ..
               "there and then."), "call-now | ")
end)

T.test("teachback rules: 'if I started shivering' is a threshold; 'or maybe after the holiday'; the day-and-night number; 'before she could tell me'; 'So call us at once'", function()
  T.eq(verdict("tb-high-temperature", "Could be an infection, because my white cells are low on this. I'd ring the " ..
               "24 hour line if I started shivering or feeling really unwell."), "infection | ")
  T.eq(verdict("tb-explain-cdk46-fever", "If she gets a fever or feels really unwell, she calls the 24-hour line " ..
               "straight away."), "call-at-once | ")
  T.eq(verdict("tb-hormone-therapy", "If my calf swelled up and hurt I'd call the team right away... or maybe " ..
               "after the holiday, honestly."), " | ")
  T.eq(verdict("tb-high-temperature", "Ring the day-and-night number now. Don't take anything for it first and " ..
               "don't wait it out."), "call-now | ")
  T.eq(verdict("tb-high-temperature", "If her temperature went up I'd be on the phone to the oncology line before " ..
               "she could tell me it's a cold."), "call-now | just-a-cold")
  T.eq(verdict("tb-explain-cdk46-fever", "It's more likely an infection. So call us at once, whatever the time."),
       "low-white-cells call-at-once | ")
end)

T.test("teachback rules: a wait 'you told us not to do'; 'first thing,' as first of all; 'my cancer's gone to my bones' is no going", function()
  T.eq(verdict("tb-warning-sign-at-night", "But I'd pick up the phone and call the team right away, because waiting " ..
               "until morning is exactly what you told us not to do."), "call-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "Waiting till morning, they told us not to panic."), " | waits-till-morning")
  T.eq(verdict("tb-back-pain-legs", "Well, first thing, I know my cancer's gone to my bones. I'd pick up the phone " ..
               "to the cancer team there and then."), "act-now | ")
  T.eq(verdict("tb-back-pain-legs", "Well I'd ring them first thing."), " | rests-or-waits")
end)

T.test("teachback rules: 'No, kidding!' takes back; 'no joking about it' does not; 'much as I'd love to blame' grants and sets aside", function()
  T.eq(verdict("tb-back-pain-legs", "Honestly I'd probably blame the gardening first. No, kidding! I'd phone the " ..
               "team right now."), "act-now | ")
  T.eq(verdict("tb-hormone-therapy", "But if my arm swelled up and hurt, no joking about it, I'd ring them " ..
               "straight away."), "call-now-clot | ")
  T.eq(verdict("tb-back-pain-legs", "Much as I'd love to blame the gardening, I'd be on the phone to the oncology " ..
               "team immediately."), "act-now | ")
  T.eq(verdict("tb-back-pain-legs", "I'd blame the gardening as much as anything, I'd rest."),
       " | rests-or-waits just-age-or-strain")
end)

T.test("teachback rules: the cancer phone; 'I'd already be on the phone'; '2am or not'; 'The on-call nurse …, so I'd ring her'", function()
  T.eq(verdict("tb-warning-sign-at-night", "I call the cancer phone in night also, not wait for morning."),
       "call-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "I'd wake my husband up, and while he's getting dressed I'd already be " ..
               "on the phone to the chemo ward."), "call-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "2am or not im calling the on call number asap, if nobody answers A&E."),
       "call-now if-no-answer | ")
  T.eq(verdict("tb-warning-sign-at-night", "I'd call them, or not."), " | ")
  T.eq(verdict("tb-warning-sign-at-night", "2am? The on-call nurse is paid to be awake, so I'd ring her right then."),
       "call-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "My daughter is a nurse, so I'd call her right away."), " | ")
  T.eq(verdict("tb-warning-sign-at-night", "The nurse said my sister should know, so I'd ring her right away."), " | ")
end)

T.test("teachback rules: 'go to bed and see' is resting for back pain too (found by probing)", function()
  T.eq(verdict("tb-back-pain-legs", "My cancer's gone to my bones, I'd go to bed and see."), " | rests-or-waits")
  T.eq(verdict("tb-back-pain-legs", "I wouldn't go to bed, I'd ring them now."), "act-now | ")
end)

T.test("teachback rules: 'It's not like HRT. HRT gives you oestrogen …' describes what was denied the sentence before", function()
  T.eq(verdict("tb-hormone-therapy", "It's not like HRT. HRT gives you oestrogen and this takes it away, because " ..
               "oestrogen makes my cancer grow."), "blocks-oestrogen | ")
  T.eq(verdict("tb-hormone-therapy", "It's not like HRT. It gives me oestrogen back."), " | like-hrt")
end)

T.test("teachback rules: the milder fever 'treated like a cold'; 'if I started shivering'; 'so I wouldn't bother them with that'; 'try the oncology line'", function()
  T.eq(verdict("tb-high-temperature", "If I had a temperature and the shivers I'd ring the 24 hour line right away. " ..
               "If it was just a bit of a temperature with a sniffle I'd treat it like a cold."),
       " | just-a-cold treats-at-home-or-waits")
  T.eq(verdict("tb-high-temperature", "Could be an infection, because my white cells are low on this. I'd ring the " ..
               "24 hour line if I started shivering or feeling really unwell."), "infection | ")
  T.eq(verdict("tb-explain-cdk46-fever", "If you get hot and shivery, ring us on this number right away. Any time."),
       "call-at-once | ")
  T.eq(verdict("tb-back-pain-legs", "I'd call the team now about the back pain because that's new. The legs are " ..
               "probably just tired from all the walking, so I wouldn't bother them with that."),
       "spinal-cord | ")
  T.eq(verdict("tb-back-pain-legs", "I'd call the team now, so I wouldn't bother with painkillers."), "act-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "First I'd try the oncology line, right then, and if I couldn't reach " ..
               "anybody I'd get myself to A&E."), "call-now if-no-answer | ")
  T.eq(verdict("tb-warning-sign-at-night", "I'd try the line in the morning."), " | waits-till-morning")
end)

T.test("teachback rules: advice repeated ('they say call straight away') with a plan of one's own to someone else", function()
  T.eq(verdict("tb-warning-sign-at-night", "I know they say call straight away and that you're never a bother, and " ..
               "I believe them. So I'd ring the Breast Cancer Now helpline, they'd tell me whether it's serious."),
       "never-a-bother | ")
  T.eq(verdict("tb-warning-sign-at-night", "The nurses said ring any time. So I'd ring at 2am, right then."),
       "call-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "They say call straight away, so I'd ring them there and then."),
       "call-now | ")
end)

T.test("teachback rules: a wait in a saying under way ('part of me would be saying … wait'), answered 'But I wouldn't wait'", function()
  T.eq(verdict("tb-warning-sign-at-night", "Part of me would be saying don't be silly, wait till it's light. But I " ..
               "wouldn't wait. I'd ring the 24-hour line there and then."), "call-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "The nurses keep saying I'm never a nuisance, but I know they're run off " ..
               "their feet at night, so I'd leave it till the morning."), " | waits-till-morning a-bother")
  T.eq(verdict("tb-warning-sign-at-night", "Part of me would be saying wait till it's light, so I'd wait."),
       " | waits-till-morning")
end)

T.test("teachback rules: 'phone Dad's care team' owns the team; 'my nurse friend' is a friend", function()
  T.eq(verdict("tb-warning-sign-at-night", "I'd phone Dad's care team for him right then, middle of the night or not."),
       "call-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "I'd ring my nurse friend right away."), " | ")
  T.eq(verdict("tb-warning-sign-at-night", "I'd ring my husband's nurse friend right away."), " | ")
  T.eq(verdict("tb-warning-sign-at-night", "I'd phone my sisters, the nurse would be busy right then."), " | ")
end)

T.test("teachback rules: 'my GP's out-of-hours service' is the GP's; 'when it's a sensible hour'; 'Mind you, I'd probably rest it overnight first'", function()
  T.eq(verdict("tb-warning-sign-at-night", "I'd ring my GP's out-of-hours service, and if they thought it was " ..
               "serious they'd tell me to go to the hospital."), " | ")
  T.eq(verdict("tb-warning-sign-at-night", "I'd ring the out-of-hours line right away."), "call-now | ")
  T.eq(verdict("tb-high-temperature", "I'd ring the 24-hour line when it's a sensible hour, probably about 7."),
       " | treats-at-home-or-waits")
  T.eq(verdict("tb-hormone-therapy", "Swollen leg, call them right away. Mind you, I'd probably rest it overnight " ..
               "first, legs swell for all sorts of reasons."), " | ")
end)

T.test("teachback rules: 'unless it becomes severe, in which case … the ED'; 'I'd probably advise her to call'; the evidence of a rewritten 'ED'", function()
  T.eq(verdict("tb-warning-sign-at-night", "The patient should document the symptom and report it at the next " ..
               "scheduled review, unless it becomes severe, in which case they should attend the ED."), " | ")
  T.eq(verdict("tb-explain-cdk46-fever", "I think I'd probably advise her to call the 24-hour line, though I'd want " ..
               "to check the local policy first."), " | ")
  T.eq(verdict("tb-explain-cdk46-fever", "I'd tell her to call the 24-hour line at once."), "call-at-once | ")
  T.eq(tb.analyse(q("tb-warning-sign-at-night"), "They should attend the ED.").evidence["call-now"],
       { heard = "the ed" })
end)

T.test("teachback rules: 'wldnt wait'; 'whenever it happened'; the team's 'Ring us.' with its now in the next sentence", function()
  T.eq(verdict("tb-warning-sign-at-night", "ring the 24hr line strait away, wldnt wait til mornin"), "call-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "I'd ring them at 2am, 3am, whenever it happened."), "call-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "I'd ring them whenever I got a minute."), " | waits-till-morning")
  T.eq(verdict("tb-explain-cdk46-fever", "Fever? Ring us. Right away. Any hour."), "call-at-once | ")
  T.eq(verdict("tb-explain-cdk46-fever", "If you get a fever, ring us tomorrow."), " | manages-at-home-or-waits")
end)

T.test("teachback rules: 'or maybe the Macmillan helpline'; 'A swollen leg I'd just put up on a stool'; 'treat with paracetamol and watch'", function()
  T.eq(verdict("tb-hormone-therapy", "A painful swollen leg, I'd call the 24-hour line, or maybe the Macmillan helpline."),
       " | ")
  T.eq(verdict("tb-warning-sign-at-night", "I'd ring the clinic's night line now or my GP."), " | ")
  T.eq(verdict("tb-warning-sign-at-night", "I'd ring the night line now or go to A&E."), "call-now if-no-answer | ")
  T.eq(verdict("tb-hormone-therapy", "A painful swollen leg, I'd call the 24-hour line right away, or 999."),
       "call-now-clot | ")
  T.eq(verdict("tb-hormone-therapy", "If my arm swelled I'd call straight away, because of the lymph node surgery. " ..
               "A swollen leg I'd just put up on a stool."), " | ")
  T.eq(verdict("tb-explain-cdk46-fever", "If she has a fever with chills she should call the 24-hour line at once, " ..
               "but a mild temperature she can treat with paracetamol and watch."),
       " | brushed-off manages-at-home-or-waits")
end)

T.test("teachback rules: 'don't you dare … go back to bed'; 'if u wait'; 'She'd want to … but we wouldn't' refuses her wish", function()
  T.eq(verdict("tb-explain-cdk46-fever", "If you get a temperature you call that 24-hour number straight away, even " ..
               "at 3am, and don't you dare just take a paracetamol and go back to bed."), "call-at-once | ")
  T.eq(verdict("tb-back-pain-legs", "ring the acute oncology line now, spinal cord compression is an emergency u " ..
               "can end up paralysed if u wait"), "act-now spinal-cord | ")
  T.eq(verdict("tb-back-pain-legs", "I'd phone her nurses right then. She'd want to lie down and see how it goes, " ..
               "but we wouldn't."), "act-now | ")
  T.eq(verdict("tb-back-pain-legs", "I'd phone the nurses right then. Calling now would be right, but I wouldn't."),
       " | ")
end)

T.test("teachback rules: 'the swelling can wait till Thursday' is no chore; 'a swollen leg is probably just from standing' explains the sign away", function()
  T.eq(verdict("tb-warning-sign-at-night", "If it was a fever I'd ring now, but a bit of swelling in my leg can wait " ..
               "till I see them Thursday."), " | waits-till-morning")
  T.eq(verdict("tb-warning-sign-at-night", "I'd ring the team now, the washing can wait."), "call-now | ")
  T.eq(verdict("tb-hormone-therapy", "A swollen painful arm I'd call about straight away, but a swollen leg is " ..
               "probably just from standing all day."), " | ")
  T.eq(verdict("tb-hormone-therapy", "A swollen painful leg is just as urgent, I'd call straight away."),
       "call-now-clot | ")
end)

T.test("teachback rules: 'Don't you sit on it'; 'treat it as a possible serious infection'; 'waiting could cost me my walking'", function()
  T.eq(verdict("tb-explain-cdk46-fever", "Don't you sit on it. Telephone the 24-hour line the minute you notice it, " ..
               "day or night."), "call-at-once | ")
  T.eq(verdict("tb-explain-cdk46-fever", "Why don't you ring them now."), "call-at-once | ")
  T.eq(verdict("tb-high-temperature", "I'd treat it as a possible serious infection, and ring the 24-hour line " ..
               "there and then."), "infection call-now | ")
  T.eq(verdict("tb-high-temperature", "I'd treat it as a cold."), " | just-a-cold treats-at-home-or-waits")
  T.eq(verdict("tb-back-pain-legs", "I'd phone the 24 hour number right then, because it can be the cancer " ..
               "pressing on the spinal cord and waiting could cost me my walking."), "act-now spinal-cord | ")
end)

T.test("teachback rules: 'the breast cancer helpline', 'the drug company's patient helpline'; 'I'd call it' after the line it names", function()
  T.eq(verdict("tb-hormone-therapy", "If my leg swelled I'd ring the breast cancer helpline right away for advice."),
       " | ")
  T.eq(verdict("tb-hormone-therapy", "If my leg swelled I'd ring the breast cancer unit right away."),
       "call-now-clot | ")
  T.eq(verdict("tb-explain-cdk46-fever", "Ring the drug company's patient helpline if you get a temperature. They " ..
               "know all about palbociclib."), " | ")
  T.eq(verdict("tb-warning-sign-at-night", "That's what the 24-hour line is for. I'd call it. Now."), "call-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "The Macmillan line is good. I'd call it now."), " | ")
end)

T.test("teachback rules: 'at first light'; 'once I'd slept on it'; 'if my legs were giving way like that' is the sign as put", function()
  T.eq(verdict("tb-warning-sign-at-night", "So I'd get everything ready and ring them at first light."),
       " | waits-till-morning")
  T.eq(verdict("tb-high-temperature", "I'd get my bag packed, and then once I'd slept on it, I'd ring."),
       " | treats-at-home-or-waits")
  T.eq(verdict("tb-back-pain-legs", "Weak legs, I'd phone the team straight away. The back itself I'd put down to " ..
               "how I slept on it."), "act-now | ")
  T.eq(verdict("tb-back-pain-legs", "If my legs were giving way like that I'd call 999 right away and tell them I " ..
               "have cancer in my bones."), "act-now | ")
  T.eq(verdict("tb-back-pain-legs", "If my legs got weaker I'd call 999 right away."), " | rests-or-waits")
end)

T.test("teachback rules: the weak legs left beside a call about the back; 'Actually, I'd see how it was in the morning first'; 'a retired paramedic'", function()
  T.eq(verdict("tb-back-pain-legs", "I'd ring about the back pain straight away, but the weak legs I'd leave and " ..
               "see if they pick up after a good sleep."), " | ")
  T.eq(verdict("tb-back-pain-legs", "If it was only the back I'd ring the team straight away. But the weak legs " ..
               "are probably just from sitting too long."), " | just-age-or-strain")
  T.eq(verdict("tb-back-pain-legs", "The weak legs are most likely just tiredness from the chemo, but I'd still " ..
               "phone the team straight away to be on the safe side."), "act-now | ")
  T.eq(verdict("tb-hormone-therapy", "Painful swollen leg, ring them straight away. Actually, I'd see how it was " ..
               "in the morning first."), " | ")
  T.eq(verdict("tb-hormone-therapy", "If my leg went sore and puffy I'd ask my husband to have a look first, he's " ..
               "a retired paramedic."), " | ")
  T.eq(verdict("tb-back-pain-legs", "I'd call a paramedic now."), "act-now | ")
end)

T.test("teachback rules: 'the helpline on the back of the Macmillan leaflet'; 'Forget the hot toddy.'; a leg named again as 'one'", function()
  T.eq(verdict("tb-warning-sign-at-night", "call the helpline on the back of the macmillan leaflet and see what " ..
               "they say"), " | ")
  T.eq(verdict("tb-warning-sign-at-night", "call the number on the back of my chemo card straight away"),
       "call-now | ")
  T.eq(verdict("tb-high-temperature", "Forget the hot toddy. Temperature on these pills means phone the hotline " ..
               "right now, there could be an infection."), "infection call-now | ")
  T.eq(verdict("tb-high-temperature", "I'd forget to ring and just have a hot toddy."),
       " | treats-at-home-or-waits")
  T.eq(verdict("tb-hormone-therapy", "I'm always checking my legs since they told me about clots. If one swelled " ..
               "and hurt I'd ring the team that second."), "call-now-clot | ")
  T.eq(verdict("tb-hormone-therapy", "I'm always checking my legs since they told me about clots. If one swelled " ..
               "I'd wait a day."), " | ")
end)

T.test("teachback rules: 'Well - maybe not at 2'; 'I'd watch for a bit'; 'so use your own judgement'", function()
  T.eq(verdict("tb-warning-sign-at-night", "I'd ring straight away. Well - maybe not at 2, that's not fair on them. " ..
               "Half six, when it's nearly morning."), " | a-bother")
  T.eq(verdict("tb-warning-sign-at-night", "I would not wait till the morning. Probably not at all. I'd ring now."),
       "call-now | ")
  T.eq(verdict("tb-high-temperature", "If I had a temperature and the shivers I'd call straight away, but just a " ..
               "temperature on its own I'd watch for a bit."), " | treats-at-home-or-waits")
  T.eq(verdict("tb-explain-cdk46-fever", "Ring the 24-hour line at once. Although honestly, most fevers on this " ..
               "drug turn out to be nothing much, so use your own judgement."),
       " | brushed-off manages-at-home-or-waits")
  T.eq(verdict("tb-explain-cdk46-fever", "Ring the 24-hour line at once, don't use your own judgement."),
       "call-at-once | ")
end)

T.test("teachback rules: 'don't try to sort it out at home with paracetamol and bed rest'; 'first thing I do is call'; 'I don't care what time it is'; 'without thinking twice'; 'telefon … emidiatly'; 'my nurse' is 'her'", function()
  T.eq(verdict("tb-explain-cdk46-fever", "Don't try to sort it out yourself with paracetamol and bed rest. Ring " ..
               "the 24-hour line at once."), "call-at-once | ")
  T.eq(verdict("tb-back-pain-legs", "first thing I do is call the oncology number right then"), "act-now | ")
  T.eq(verdict("tb-back-pain-legs", "I'd call the oncology number first thing."), " | rests-or-waits")
  T.eq(verdict("tb-high-temperature", "I don't care what time it is, I'm calling."), "call-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "That's what the 24-hour line is for. I'd call them at 2am without " ..
               "thinking twice."), "call-now | ")
  T.eq(verdict("tb-back-pain-legs", "i will telefon my nurse emidiatly. not to wait."), "act-now | ")
  T.eq(verdict("tb-hormone-therapy", "Any aches I mention to my nurse. If my leg became painful and swollen I'd " ..
               "call her there and then."), "report call-now-clot | ")
  T.eq(verdict("tb-hormone-therapy", "My daughter is a nurse. If my leg became painful and swollen I'd call her " ..
               "there and then."), " | ")
end)

T.test("teachback rules: 'the Breast Cancer Now helpline' says no now; 'really good on the phone'; 'if you get a high temp it could be a serious infection'; 'would be worse'; 'keep walking'; 'also in the night'", function()
  T.eq(verdict("tb-back-pain-legs", "I'd call the Breast Cancer Now helpline and ask them what to do, they're " ..
               "really good on the phone."), " | ")
  T.eq(verdict("tb-explain-cdk46-fever", "so if you get a high temp it could be a serious infection and you need " ..
               "to ring the 24 hour line at once"), "low-white-cells call-at-once | ")
  T.eq(verdict("tb-explain-cdk46-fever", "if it gets serious you need to ring the 24 hour line at once"), " | ")
  T.eq(verdict("tb-high-temperature", "if my wife runs a fever it could be a bad infection and I ring the " ..
               "hotline immediately"), "infection call-now | ")
  T.eq(verdict("tb-high-temperature", "if my fever gets bad I ring the hotline immediately"),
       " | treats-at-home-or-waits")
  T.eq(verdict("tb-warning-sign-at-night", "I'd pick up the phone and call the cancer line right away. Lying " ..
               "there worrying till morning would be worse."), "call-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "If it is worse in the morning I'd call the line."),
       " | waits-till-morning")
  T.eq(verdict("tb-back-pain-legs", "Straight on the phone to the cancer team, tonight. They need to get in " ..
               "quick if I'm going to keep walking."), "act-now spinal-cord | ")
  T.eq(verdict("tb-warning-sign-at-night", "I phone the number for cancer, also in the night."), "call-now | ")
end)

T.test("teachback rules: 'waiting could mean not walking again'; 'Then I'd call the care team straight away'; 'instantly'; '2am doesnt matter ring them now'; 'when I last took it'", function()
  T.eq(verdict("tb-back-pain-legs", "I'd call the acute oncology number immediately, because it can mean " ..
               "something pressing on the spinal cord and waiting could mean not walking again."),
       "act-now spinal-cord | ")
  T.eq(verdict("tb-warning-sign-at-night", "First I'd put the light on and find my folder with the number in it. " ..
               "Then I'd call the care team straight away."), "call-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "First I'd have a cup of tea. Then I'd call the care team."),
       " | waits-till-morning")
  T.eq(verdict("tb-warning-sign-at-night", "I'd be so scared I'd ring them instantly."), "call-now | ")
  T.eq(verdict("tb-high-temperature", "I'd ring them the second the thermometer showed a temperature."),
       "call-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "2am doesnt matter ring them now dont wait for morning"),
       "call-now | ")
  T.eq(verdict("tb-high-temperature", "I'd ring the line now. I'd tell them when I last took it."), "call-now | ")
  T.eq(verdict("tb-high-temperature", "I'd ring the line if it lasts."), " | treats-at-home-or-waits")
end)

T.test("teachback rules: a step with its word of now after a step that is a wait still waits", function()
  T.eq(verdict("tb-warning-sign-at-night", "I'd lie down for a bit. Then I'd call the care team straight away."),
       " | waits-till-morning")
end)

T.test("teachback rules: 'keep it raised and see'; 'after she finishes work'; 'I'll probably come off the tablets'; 'prefer an early call to … in the morning'; 'Once I'm better I'll stop the tablets'", function()
  T.eq(verdict("tb-hormone-therapy", "A painful leg I'd call about straight away. A swollen arm, though, I'd " ..
               "just keep it raised and see, it's probably my lymphoedema."), " | ")
  T.eq(verdict("tb-back-pain-legs", "New back pain and weak legs can be the cancer pushing on the spinal cord, " ..
               "and you need to be seen quickly. I'd get my daughter to drive me to the hospital after she " ..
               "finishes work."), "spinal-cord | rests-or-waits")
  T.eq(verdict("tb-hormone-therapy", "If I got a painful swollen leg I'd call right away. Once I'm better I'll " ..
               "stop the tablets."), "call-now-clot | stops-when-well")
  T.eq(verdict("tb-hormone-therapy", "If I got a painful swollen leg I'd call right away. But I'll probably come " ..
               "off the tablets."), "call-now-clot | ")
  T.eq(verdict("tb-warning-sign-at-night", "I'd call them straight away. They'd much prefer an early call to a " ..
               "very poorly patient in the morning."), "call-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "I'd prefer to wait till the morning and then call them."),
       " | waits-till-morning")
  T.eq(verdict("tb-warning-sign-at-night", "I'd call them straight away. Well, once I'd finished my shift."),
       " | waits-till-morning")
end)

T.test("teachback rules: 'I'd give them till tomorrow and see' leaves the legs; 'night or no night'", function()
  T.eq(verdict("tb-back-pain-legs", "If it were only my back I'd call right away. But my legs always go a bit weak " ..
               "after chemo, so I'd give them till tomorrow and see."), " | rests-or-waits")
  T.eq(verdict("tb-back-pain-legs", "I'd give them a ring right away."), "act-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "I'd telephone the ward, night or no night."), "call-now | ")
end)

T.test("teachback rules: a short guess asked in brackets '(clot?)' asks nothing of the call beside it", function()
  T.eq(verdict("tb-hormone-therapy", "swollen arm that hurts -> call onc team asap (clot?). take it daily"),
       "every-day call-now-clot | ")
  T.eq(verdict("tb-hormone-therapy", "sore swollen arm, I'd rest it (call them now?) and see tomorrow."), " | ")
end)

T.test("teachback rules: a call that waits on someone's judgement ('if he thinks you look unwell, he can call')", function()
  T.eq(verdict("tb-explain-cdk46-fever", "Tell your husband, and if he thinks you look unwell, he can call the " ..
               "24-hour line for you."), " | ")
  T.eq(verdict("tb-explain-cdk46-fever", "If you think you have a temperature, call the 24-hour line at once."),
       "call-at-once | ")
end)

T.test("teachback rules: a hedge that closes a plan of joined steps ('call 999 and get carted off in style I suppose')", function()
  T.eq(verdict("tb-back-pain-legs", "Ha, call 999 and get carted off in style I suppose"), " | ")
  T.eq(verdict("tb-back-pain-legs", "call dr asap its my spine maybe"), "act-now spinal-cord | ")
  T.eq(verdict("tb-back-pain-legs", "I'd call 999 straight away, it's probably the spine"), "act-now spinal-cord | ")
end)

T.test("teachback rules: 'for a second and then'; 'Just call us'; 'at 2 in the morning or whenever'; 'she can be cross with me later'", function()
  T.eq(verdict("tb-warning-sign-at-night", "I'd worry for a second and then I'd ring the team. I wouldn't wait " ..
               "till morning."), "call-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "I'd lie down for a second and then I'd ring the night line."),
       " | waits-till-morning")
  T.eq(verdict("tb-explain-cdk46-fever", "Just call us straight away if your temperature goes up, any time of " ..
               "day or night."), "call-at-once | ")
  T.eq(verdict("tb-warning-sign-at-night", "I'd ring the number for her right then, at 2 in the morning or " ..
               "whenever."), "call-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "I'd ring them in the morning or whenever."), " | waits-till-morning")
  T.eq(verdict("tb-warning-sign-at-night", "I'd pick up the phone to her cancer team myself, right then, and " ..
               "she can be cross with me later."), "call-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "I'd ring them tomorrow and she can be cross with me."),
       " | waits-till-morning")
end)

T.test("teachback rules: a bother answered in deed and in words is not held ('Nuisance is my middle name, so I'd ring them right away')", function()
  T.eq(verdict("tb-warning-sign-at-night", "Nuisance is my middle name, so I'd ring them right away! Seriously " ..
               "though, they want the call, day or night, and they'd much rather hear early."),
       "call-now never-a-bother | ")
  -- (Said while waiting, it is still held: no call credited.)
  T.eq(verdict("tb-warning-sign-at-night", "I know I'm not a nuisance, they keep telling me. But the night staff " ..
               "are so busy, I'd still leave it till the morning."), "never-a-bother | waits-till-morning a-bother")
  -- (Acting now without answering it in words: still held.)
  T.eq(verdict("tb-warning-sign-at-night", "I'd feel a nuisance, I always do. I'd ring them right away."),
       "call-now | a-bother")
end)

T.test("teachback rules: 'if I'm honest' is no condition; notes with '=' and '->' (a temperature left to paracetamol)", function()
  T.eq(verdict("tb-warning-sign-at-night", "The right answer is ring them now, I know. But if I'm honest I'd lie " ..
               "there till 6 and then ring, because I'd feel like a nuisance."), " | waits-till-morning a-bother")
  T.eq(verdict("tb-explain-cdk46-fever", "fever + shaking = ring 24hr line straight away. just a temp w no other " ..
               "symptoms = paracetamol n monitor"), "check-before-paracetamol | ")
  T.eq(verdict("tb-explain-cdk46-fever", "temp = ring 24hr line straight away. no paracetamol b4 checking temp"),
       "call-at-once check-before-paracetamol | ")
  T.eq(verdict("tb-explain-cdk46-fever", "Tell her: high temp = ring us immediately, 24/7."), "call-at-once | ")
  -- (Said in sentences, a temperature "nothing to worry about" is no sign left.)
  T.eq(verdict("tb-explain-cdk46-fever", "Most of the time a temperature is just a virus and nothing to worry " ..
               "about, but ring the 24-hour line straight away anyway."), "call-at-once | brushed-off")
end)

T.test("teachback rules: a sign the team told of; a telling put off before a contrast and the sign; 'that very moment', 'no dilly-dallying', 'before she'd finished the sentence'; 'would tell me to have a Lemsip. No chance'", function()
  T.eq(verdict("tb-hormone-therapy", "The one thing they told me not to mess with is a swollen, painful leg. " ..
               "That's a phone call to the team now, not later."), "call-now-clot | ")
  T.eq(verdict("tb-hormone-therapy", "If the hot flushes got too much I'd tell the nurse at my next appointment, " ..
               "that's fine, but a swollen painful leg is different. That's ring them now, it could be a clot."),
       "report call-now-clot | ")
  T.eq(verdict("tb-back-pain-legs", "I'd be on the phone to the hospital team that very moment."), "act-now | ")
  T.eq(verdict("tb-back-pain-legs", "I'd telephone the chemotherapy unit on the number they gave me, no " ..
               "dilly-dallying, dear."), "act-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "My wife would say 'don't, it's too late to ring anyone', but I'd be on " ..
               "the phone to her oncology team before she'd finished the sentence."), "call-now | ")
  T.eq(verdict("tb-high-temperature", "My husband would tell me to have a Lemsip and an early night. No chance - " ..
               "I'd be ringing the 24-hour line on the spot."), "call-now | ")
  T.eq(verdict("tb-high-temperature", "My husband would tell me to take a Lemsip first. I wouldn't argue with " ..
               "him. Then I'd ring the line straight away."), " | treats-at-home-or-waits")
end)

T.test("teachback rules: an old trouble set against this one later ('… so I know what my normal pain feels like. A new kind of pain with weak legs is different')", function()
  T.eq(verdict("tb-back-pain-legs", "Well, I've had back trouble for years from the gardening, so I know what my " ..
               "normal pain feels like. A new kind of pain with weak legs is different. I would phone my care " ..
               "team straight away."), "act-now | ")
  T.eq(verdict("tb-back-pain-legs", "It's probably just my age. I'd ring them now."), "act-now | just-age-or-strain")
  -- (A wait is not set aside so: "2am is different" keeps it.)
  T.eq(verdict("tb-warning-sign-at-night", "Take two paracetamol, go back to bed, and call the clinic when it " ..
               "opens. They say I'm never a bother but 2am is different."), "never-a-bother | waits-till-morning")
end)

T.test("teachback rules: 'lie flat for a bit'; 'as soon as it's 8 o'clock'; a delay opening its sentence past 'tho prob'; 'tonight if need be', 'never mind the hour', 'before I've even got my shoes on'", function()
  T.eq(verdict("tb-back-pain-legs", "id lie flat for a bit and if the legs dont come back by tea time id go to a&e"),
       " | rests-or-waits")
  T.eq(verdict("tb-warning-sign-at-night", "I'd take my temperature and note everything down, and then ring them " ..
               "as soon as it's 8 o'clock."), " | waits-till-morning")
  T.eq(verdict("tb-warning-sign-at-night", "I'd ring them as soon as it started."), "call-now | ")
  T.eq(verdict("tb-back-pain-legs", "id ring the team asap bc it cld be my spinal cord... tho prob after the " ..
               "school run tmrw lol"), "spinal-cord | rests-or-waits")
  T.eq(verdict("tb-warning-sign-at-night", "probly ring them i think"), " | ")
  T.eq(verdict("tb-back-pain-legs", "so I'd call the team straight away, tonight if need be."), "act-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "I'd telephone the ward, never mind the hour."), "call-now never-a-bother | ")
  T.eq(verdict("tb-hormone-therapy", "if my leg balloons up and hurts, I'm calling the team before I've even got " ..
               "my shoes on."), "call-now-clot | ")
end)

T.test("teachback rules: 'then telephone' after a rest; 'till it was light'; 'but then I'd dial 999'; a delay before 'so' ('I'll be home from work by seven, so … while you call'); 'I take her to the emergency at once'", function()
  T.eq(verdict("tb-warning-sign-at-night", "I'd not like to trouble the doctor in the middle of the night. I'd sit " ..
               "up in my chair till it was light and then telephone."), " | waits-till-morning a-bother")
  T.eq(verdict("tb-warning-sign-at-night", "I'd lie down and then telephone them. It is the middle of the night."),
       " | waits-till-morning")
  T.eq(verdict("tb-warning-sign-at-night", "First I'd find my folder. Then I'd telephone the care team straight " ..
               "away."), "call-now | ")
  T.eq(verdict("tb-back-pain-legs", "Honestly I'd panic a bit, but then I'd dial 999."), "act-now | ")
  T.eq(verdict("tb-back-pain-legs", "I'd lie down for a bit, then dial 999."), " | rests-or-waits")
  T.eq(verdict("tb-explain-cdk46-fever", "If you get one we'll ring that 24-hour number together. I'll be home " ..
               "from work by seven, so I can sit with you while you call."), " | manages-at-home-or-waits")
  T.eq(verdict("tb-warning-sign-at-night", "I've got my check-up on Thursday, so I'd write it down and tell the " ..
               "doctor then."), " | waits-till-morning")
  T.eq(verdict("tb-high-temperature", "My mother, if she have fever, I take her to the emergency at once."),
       "call-now | ")
end)

T.test("teachback rules: a wait someone would scold ('would tell me off if I waited till morning') is no plan to wait", function()
  T.eq(verdict("tb-warning-sign-at-night", "Honestly the night nurses would tell me off if I waited till morning, " ..
               "so I'd ring them right away."), "call-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "She'd be cross if I waited till morning. I'd ring them right away."),
       "call-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "I'd only ring them if I waited till morning."), " | waits-till-morning")
end)

T.test("teachback rules: 'otherwise in the morning' after the call; 'ring the dr 4 an appt'; 'Waiting till morning isn't safe', 'is not an option'", function()
  T.eq(verdict("tb-warning-sign-at-night", "I'd ring them now. Well, maybe, if I could find the number, otherwise " ..
               "in the morning."), " | ")
  -- (The call is not credited; the waiting belief is heard.)
  local v = verdict("tb-high-temperature", "ring the dr 4 an appt, prob wont get one til next wk tho")
  T.eq(v:sub(1, 3), " | ")
  T.ok(v:find("treats-at-home-or-waits", 1, true) ~= nil, v)
  T.eq(verdict("tb-warning-sign-at-night", "I'd phone the acute oncology line immediately. Waiting till morning " ..
               "isn't safe with these signs."), "call-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "I'd wake up and ring her team myself, right then. Waiting till " ..
               "morning with her is not an option."), "call-now | ")
  T.eq(verdict("tb-warning-sign-at-night", "I'd ring them. Waiting till morning is safe enough."),
       " | waits-till-morning")
end)

T.test("teachback rules: a consulting said to come 'first' comes before the call, wherever it is said", function()
  T.eq(verdict("tb-back-pain-legs", "On the phone to the nurses that minute. My neighbour's a physio " ..
               "though, so I'd pop next door and ask her first."), " | ")
  -- (Not asking first, and asking after the call, leave the call now.)
  T.eq(verdict("tb-high-temperature", "Ring the 24 hour line straight away, don't ask anyone first."),
       "call-now | ")
  T.eq(verdict("tb-back-pain-legs", "I'd ring the team now, then ask my husband what he thinks " ..
               "about telling the kids"), "act-now | ")
end)

T.test("teachback rules: a sign put down to something else ('I'd put that down to standing'); 'skip the call'; a charity's line by its name ('Cancer Research')", function()
  -- (Acting now on the arm, and the leg explained away.)
  T.eq(verdict("tb-hormone-therapy", "A hot swollen arm, I'd be on the phone to the team that minute. A sore " ..
               "puffy leg though, I'd put that down to the long walk."), " | ")
  T.eq(verdict("tb-hormone-therapy", "A painful swollen leg I'd ring my team about straight away, I'd not " ..
               "put that down to standing."), "call-now-clot | ")
  -- (The call put off by name after it was said.)
  T.eq(verdict("tb-high-temperature", "Phone the 24 hour line now. Mind you, last time they only said " ..
               "paracetamol, so I'd skip the call and take that."), " | treats-at-home-or-waits")
  T.eq(verdict("tb-high-temperature", "Don't skip the call, ring the line now."), "call-now | ")
  -- (A charity's nurses are not the care team; a trial's research nurse is.)
  T.eq(verdict("tb-back-pain-legs", "I'd ring the Cancer Research nurse helpline straight away."), " | ")
  T.eq(verdict("tb-back-pain-legs", "I'd ring Cancer Research UK right now."), " | ")
  T.eq(verdict("tb-back-pain-legs", "I'd ring my research nurse on the trial straight away."), "act-now | ")
end)

T.test("teachback rules: a student's words: 'MSCC', 'escalate to the team', a scan's 'within 24 hours', the team's 'ring us'", function()
  T.eq(verdict("tb-back-pain-legs", "Query MSCC: contact acute oncology now, MRI within 24 hours."),
       "act-now spinal-cord | ")
  -- (The learner's own call within a day still waits.)
  T.eq(verdict("tb-back-pain-legs", "Possible MSCC, so contact the oncology team within 24 hours."),
       "spinal-cord | rests-or-waits")
  T.eq(verdict("tb-hormone-therapy", "A hot, swollen, painful calf is escalated to the team immediately."),
       "call-now-clot | ")
  T.eq(verdict("tb-explain-cdk46-fever", "Take your temperature before any paracetamol, and ring us straight " ..
               "away if it's 38 or more."), "call-at-once check-before-paracetamol | ")
  T.eq(verdict("tb-explain-cdk46-fever", "Never ignore a fever on these tablets, phone us immediately."),
       "call-at-once | ")
end)

T.test("teachback rules: another sign set apart after the call and left ('but a new cough I'd leave', 'but just a bit of a temp I'd watch it'); 'straight up to emergency'", function()
  T.eq(verdict("tb-warning-sign-at-night", "If I got a fever I'd phone them now, but a new cough I'd leave " ..
               "for the morning."), " | ")
  T.eq(verdict("tb-high-temperature", "If I'm shivery with it I'd ring now, but just a bit of a temp I'd " ..
               "watch it."), " | ")
  -- (A temperature set aside before the call, or called about, is no sign
  -- left.)
  T.eq(verdict("tb-high-temperature", "A temperature is nothing to worry about, but ring the line at once."),
       "call-now | ")
  T.eq(verdict("tb-high-temperature", "Ring them now, a temperature on these tablets isn't one to watch."),
       "call-now | ")
  T.eq(verdict("tb-back-pain-legs", "Straight up to emergency, no messing."), "act-now | ")
end)

T.test("teachback rules: a plan for the other sign past an 'and' ('but if it was my leg I'd assume … and rest it'); a later clause of its own ('and the achy joints I'd mention at my next appointment'); a tag ('all right?'); 'waiting to see … is the worst thing'", function()
  T.eq(verdict("tb-hormone-therapy", "A swollen painful arm I'd ring about straight away, but if it was my " ..
               "leg I'd assume I'd been standing too long and rest it."), " | ")
  T.eq(verdict("tb-hormone-therapy", "If my leg swelled up and hurt I'd ring the team now, and the sore " ..
               "joints I'd mention at my next check-up."), "report call-now-clot | ")
  -- (The sign itself put off to the next visit still waits.)
  T.eq(verdict("tb-hormone-therapy", "If my leg swelled up and hurt I'd ring the team now, and the swollen " ..
               "leg I'd mention at my next check-up."), " | ")
  T.eq(verdict("tb-back-pain-legs", "Why does everyone ask me this. I'd go straight to A&E, all right? " ..
               "I don't need telling twice."), "act-now | ")
  T.eq(verdict("tb-back-pain-legs", "I'd phone the team that minute. Waiting to see if it goes off is the " ..
               "worst thing you can do."), "act-now | ")
  T.eq(verdict("tb-back-pain-legs", "I'd phone the team. Waiting to see if it goes off is fine though."),
       " | rests-or-waits")
end)

T.test("teachback rules: a student's notes: '?MSCC', '(?DVT)', 'lie flat if pain on movement', 'treat as ?neutropenic sepsis', 'bleeped the onc reg', 'if sx progress'; 'waiting could leave me unable to walk'; 'if they didn't work in an hour'", function()
  T.eq(verdict("tb-back-pain-legs", "?MSCC. Call AOS now, lie flat if pain on movement."),
       "act-now spinal-cord | ")
  -- (Lying flat in place of the call still rests.)
  T.eq(verdict("tb-back-pain-legs", "I'd lie flat if it hurts."), " | rests-or-waits")
  T.eq(verdict("tb-hormone-therapy", "Lowers oestrogen. Daily. Swollen painful leg -> call now (?DVT)."),
       "blocks-oestrogen every-day call-now-clot | ")
  T.eq(verdict("tb-hormone-therapy", "Pt c/o calf pain and swelling. Bleeped the onc reg immediately."),
       "call-now-clot | ")
  T.eq(verdict("tb-explain-cdk46-fever", "Fever -> treat as ?neutropenic sepsis, pt to call 24h line " ..
               "immediately."), "low-white-cells call-at-once | ")
  T.eq(verdict("tb-back-pain-legs", "I'd phone the ward at once. Waiting could leave me unable to walk."),
       "act-now spinal-cord | ")
  T.eq(verdict("tb-warning-sign-at-night", "Call the 24h line if sx progress overnight."), " | waits-till-morning")
  T.eq(verdict("tb-back-pain-legs", "I'd take my pain tablets and if they didn't work in an hour I'd ring."),
       " | rests-or-waits")
  -- (The line not working is the team out of reach.)
  T.eq(verdict("tb-warning-sign-at-night", "I'd ring my team right away, and if the line didn't work I'd " ..
               "go to A&E."), "call-now | ")
end)

T.test("teachback rules: 'Well, after my walk' amends the call; a sign explained away in notes ('-> likely dependent oedema, observe'); 'AOS'; 'at whatever hour'", function()
  T.eq(verdict("tb-hormone-therapy", "Ring the team now for a sore swollen leg. Well, after my walk, it's " ..
               "probably a cramp."), " | ")
  T.eq(verdict("tb-hormone-therapy", "Swollen painful arm -> call team now. Swollen painful leg after a " ..
               "long drive -> likely dependent oedema, observe."), " | ")
  T.eq(verdict("tb-back-pain-legs", "?MSCC. Escalation to AOS the same day, not wait for the next clinic."),
       "act-now spinal-cord | ")
  T.eq(verdict("tb-high-temperature", "If she's running hot I ring the chemo line at whatever hour."),
       "call-now | ")
end)
