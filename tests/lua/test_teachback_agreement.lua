-- Agreement of the teach-back matcher with a nurse's marks.
--
-- Labelled sets of learner answers, each marked by hand (which key
-- points each answer really covers, which misconceptions it really holds):
--   tune.yaml     answers to the bundled quizzes' teach-backs, written
--                 blind to the phrase lists; the phrases were tuned on it;
--   tune-b.yaml, tune-c.yaml, tune-d.yaml
--                 three more such sets, each held out until its figures
--                 were reported, then tuned on too;
--   tune-f.yaml   red-flag answers only, read before tuning, then tuned on;
--   tune-g.yaml, tune-k.yaml
--                 two more general sets, read before tuning, then tuned on;
--   tune-i.yaml, tune-j.yaml
--                 two more red-flag sets, read before tuning, then tuned on;
--   tune-n.yaml, tune-o.yaml
--                 a general set and a red-flag set (half of it right
--                 answers said in many ways), measured before any rule
--                 was tuned on them, then tuned on;
--   tune-r.yaml   red flags, written as a held-out set; its first figures
--                 showed 2 unsafe credits, so it was read and tuned on;
--   tune-s.yaml   a general set, read and tuned on;
--   tune-u.yaml   red flags, written as a held-out set; its first figures
--                 showed an unsafe credit, so it was read and tuned on;
--   tune-v.yaml, tune-w.yaml
--                 a general set of hard cases (beliefs named, not held)
--                 and a red-flag set of right answers in unusual words,
--                 measured before any rule was tuned on them, then tuned on;
--   tune-q.yaml, tune-z.yaml
--                 a red-flag set (students, carers, two plans) and a
--                 general one, written during that round, measured before
--                 the rules tuned on them, then tuned on (Q's first figures
--                 showed an unsafe credit);
--   tune-aa.yaml, tune-ab.yaml
--                 red-flag right answers said as people do (two thirds),
--                 and answers a word-matcher gets wrong both ways (word
--                 lists, questions, beliefs named to be rejected), measured
--                 before the rules tuned on them, then tuned on (AB's first
--                 figures showed three unsafe credits);
--   tune-x.yaml   red flags, written as a held-out set at the start of
--                 that round; its figures at the round's end showed an
--                 unsafe credit ("ring 111"), so it was read and tuned on;
--   tune-ae.yaml, tune-af.yaml
--                 beliefs held and beliefs only named (general), and red-flag
--                 answers a word-matcher misreads both ways (two thirds
--                 right), measured before the rules tuned on them, then
--                 tuned on;
--   tune-aj.yaml  red flags, written as a held-out set after the last rule
--                 of that round; its first figures showed an unsafe credit,
--                 so it was read and tuned on;
--   tune-am.yaml, tune-an.yaml
--                 key points and beliefs in unusual words (general), and
--                 red-flag answers as people talk, half of them not acting
--                 now, measured before the rules tuned on them, then tuned
--                 on;
--   tune-ao.yaml, tune-ap.yaml
--                 red-flag answers inside longer answers (two thirds
--                 right), and an everyday general mix, written during that
--                 round, measured before the rules tuned on them, then
--                 tuned on;
--   tune-ar.yaml  red flags, written as a held-out set near the end of that
--                 round; its first figures showed an unsafe credit ("not
--                 sure if now or in the morning"), so it was read and tuned
--                 on;
--   tune-au.yaml, tune-av.yaml
--                 general answers whose red-flag calls are said in ways a
--                 word list might miss (most of them right), and red-flag
--                 answers holding, rejecting or reporting the questions'
--                 beliefs, written at the start of the next round,
--                 measured before its rules, then tuned on;
--   tune-aw.yaml, tune-ax.yaml
--                 general answers with the points in indirect words, and
--                 red-flag answers each taking a stand on a belief,
--                 written during that round, measured before the rules
--                 tuned on them (AX then showed an unsafe credit: "Anything
--                 else I'd leave till the clinic opens"), then tuned on;
--   tune-bb.yaml, tune-be.yaml, tune-bf.yaml, tune-bi.yaml, tune-bh.yaml,
--   tune-bj.yaml, tune-bk.yaml, tune-bl.yaml, tune-bm.yaml, tune-bn.yaml,
--   tune-bo.yaml, tune-bp.yaml
--                 red flags, each written as a held-out set (half acting
--                 now in many ways, half not acting now in ways easy to
--                 miss), one after another as the rules grew; the first
--                 figures of each showed unsafe credits (2, 3, 4, 2, 2, 1,
--                 1, 1, 1, 2, 2, 2: a general advice line or a charity's, "watch it
--                 overnight", a call put off without a comma, a sign waited
--                 on, another sign left or put down to something else, "if
--                 I'm not right by the morning", "as soon as it's light"),
--                 so each was read and tuned on;
--   tune-br.yaml, tune-bs.yaml, tune-bw.yaml, tune-bx.yaml, tune-by.yaml,
--   tune-bz.yaml, tune-ca.yaml, tune-cb.yaml, tune-cc.yaml, tune-cd.yaml,
--   tune-ce.yaml, tune-cj.yaml, tune-ck.yaml, tune-cl.yaml, tune-cm.yaml
--                 red flags of the same kind, written to tune on and
--                 measured before the rules tuned on them;
--   tune-cq.yaml, tune-cr.yaml, tune-cs.yaml, tune-ct.yaml
--                 red flags of the same kind, written at the start of the
--                 next round; CQ was measured on the rules before it (2
--                 unsafe credits: "set an alarm for 7 and call them then",
--                 "call the team, but probably after a lie down"), CR, CS
--                 and CT after the two rules made for those (1, 0, 0: "ring
--                 the line if she feels rly unwell"); then all four tuned on;
--   tune-cu.yaml, tune-cv.yaml, tune-cw.yaml, tune-cx.yaml
--                 the same again: CU measured on the rules tuned on CQ-CT
--                 (1 unsafe credit: "a swollen leg I'd just put my feet up
--                 first"), CV, CW and CX after the rules made for CU (1,
--                 1, 0: "the pharmacy advice line", "Well, once I'd
--                 finished my shift"); then all four tuned on;
--   tune-cy.yaml, tune-cz.yaml, tune-da.yaml, tune-db.yaml
--                 the same again, DB measured on the rules tuned on CU-CX,
--                 CY, CZ and DA after two small rules made for DB (3, 2,
--                 2, 1 unsafe credits in the order CY, CZ, DA, DB: "Well, no, probably
--                 I'd text my daughter first", another sign watched "for a
--                 day" or given "a day or two", a fever "and you feel
--                 unwell with it", "ring them at about 7", "111, the
--                 non-emergency number", "if the legs got really weak");
--                 then all four tuned on;
--   tune-dc.yaml, tune-dd.yaml, tune-de.yaml, tune-df.yaml
--                 the same again, measured on the rules tuned on CY-DB
--                 (0, 1, 0, 0: "I'd tell my husband when he gets home
--                 and we'd phone the clinic together then"); then tuned on;
--   tune-dg.yaml, tune-dh.yaml, tune-di.yaml, tune-dj.yaml
--                 the same again: DJ measured on the rules tuned on DC-DF
--                 (1: "the arm I wouldn't worry about"), DG, DH and DI after
--                 the rules made for DJ (0, 1, 1: "if your temperature is
--                 over 38 and it doesn't come down with paracetamol",
--                 "depending on how unwell she looks"); then tuned on;
--   tune-dr.yaml, tune-ds.yaml, tune-dt.yaml, tune-du.yaml
--                 the same again, written at the start of the next round
--                 and measured on the rules tuned on DG-DJ (2, 0, 3, 2:
--                 "when the day team is on", "when she phones tonight", a
--                 charity's helpline, "I'd just put it up", "can keep till
--                 the clinic opens", "you can watch for a few hours", "if
--                 my legs went properly weak"); then tuned on;
--   tune-dz.yaml, tune-ea.yaml, tune-eb.yaml, tune-ec.yaml
--                 the same again, measured on the rules tuned on DR-DU (1,
--                 0, 2, 1: "call the 24hr line if she feels unwell with
--                 it", "the legs, though, I'd give a day or two", the other
--                 sign "I'd just rest" or rest "with my feet up"); then
--                 tuned on;
--   tune-ed.yaml, tune-ee.yaml, tune-ef.yaml, tune-eg.yaml
--                 the same again, measured on the rules tuned on DZ-EC (0,
--                 1, 0, 1: "I'd do that after a good night's sleep", "if
--                 it went over 38 twice"); then tuned on;
--   tune-eh.yaml, tune-ei.yaml, tune-ej.yaml, tune-ek.yaml
--                 the same again, measured on the rules tuned on ED-EG (1,
--                 1, 0, 0: "the Breast Cancer Care helpline", "Well, maybe
--                 after a day or two"); then tuned on;
--   tune-ep.yaml, tune-eq.yaml, tune-er.yaml, tune-es.yaml
--                 the same again, measured on the rules tuned on EH-EK (0,
--                 2, 0, 0: "they'd tell me if I need to go in", a swollen
--                 leg "I'd ignore that"); then tuned on;
--   tune-et.yaml, tune-eu.yaml, tune-ev.yaml, tune-ew.yaml
--                 the same again, measured on the rules tuned on EP-ES (0,
--                 0, 0, 3, all in EW: "I think I would call the 24 hour
--                 line", a cold "I'd sit that one out", "without other
--                 symptoms can wait until your next blood test"); then
--                 tuned on;
--   tune-ex.yaml, tune-ey.yaml, tune-ez.yaml, tune-fa.yaml
--                 the same again, measured on the rules tuned on ET-EW (1,
--                 0, 1, 0: "the weak legs I'd give a day or so", "ring the
--                 clinic during opening hours"); then tuned on;
--   tune-fb.yaml, tune-fc.yaml, tune-fd.yaml, tune-fe.yaml
--                 the same again, written at the start of the next round
--                 and measured on the rules tuned on EX-FA (0, 2, 0, 0:
--                 "I'd try not to be a nuisance and wait until the clinic
--                 opens at 8", "go up to the hospital when the buses start
--                 running at six"); then tuned on;
--   tune-fj.yaml, tune-fk.yaml, tune-fl.yaml, tune-fm.yaml
--                 the same again, measured on the rules tuned on FB-FE (0,
--                 2, 1, 1: "The back pain I'd just put up with ... if my
--                 legs got so weak I couldn't stand up", "I'd probably give
--                 it an hour or two first", "Although at 2am I'd probably
--                 just text my daughter and see what she says first", "once
--                 it's light I'd ring them"); then tuned on;
--   tune-fn.yaml, tune-fo.yaml, tune-fp.yaml, tune-fq.yaml
--                 the same again, measured on the rules tuned on FJ-FM (1,
--                 0, 1, 2: "An arm, I'd probably leave", "The weak legs
--                 though, I'd leave them a day or two", "ring them at
--                 about six when it's not so antisocial", "I'd ring the
--                 team now. Well, I'd text my sister first"); then tuned on;
--   tune-fv.yaml, tune-fw.yaml, tune-fx.yaml, tune-fy.yaml
--                 the same again, measured on the rules tuned on FN-FQ (0,
--                 2, 0, 0: "I'd ring the 24 hour line if I started
--                 shivering", "I'd call the team right away... or maybe
--                 after the holiday"); then tuned on;
--   tune-fz.yaml, tune-ga.yaml, tune-gb.yaml, tune-gc.yaml
--                 the same again, measured on the rules tuned on FV-FY (0,
--                 0, 0, 0); then tuned on for false alarms ("the cancer
--                 phone", "2am or not", "the on-call nurse ... so I'd ring
--                 her"; "at 2am" as a word of now was tried and dropped:
--                 it made one unsafe credit on held-out CG);
--   tune-gd.yaml, tune-ge.yaml, tune-gf.yaml, tune-gg.yaml
--                 the same again, measured on the rules tuned on FZ-GC (1,
--                 0, 1, 0: "If I had a temperature and the shivers I'd
--                 ring … If it was just a bit of a temperature with a
--                 sniffle I'd treat it like a cold", "The legs are probably
--                 just tired …, so I wouldn't bother them with that"); then
--                 tuned on;
--   tune-gl.yaml, tune-gm.yaml, tune-gn.yaml, tune-go.yaml
--                 the same again, written at the start of the next round
--                 and measured on the rules tuned on GD-GG (0, 1, 0, 0:
--                 "I know they say call straight away … So I'd ring the
--                 Breast Cancer Now helpline"); then tuned on;
--   tune-gp.yaml, tune-gq.yaml, tune-gr.yaml, tune-gs.yaml, tune-gt.yaml,
--   tune-gu.yaml, tune-gv.yaml, tune-gw.yaml
--                 the same again, measured on the rules tuned on GL-GO (0,
--                 2, 0, 0, 2, 0, 0, 1: "I'd ring the 24-hour line when it's
--                 a sensible hour", "Mind you, I'd probably rest it
--                 overnight first", "unless it becomes severe, in which
--                 case they should attend the ED", "I think I'd probably
--                 advise her to call", "my GP's out-of-hours service");
--                 then tuned on;
--   tune-gx.yaml, tune-gy.yaml, tune-gz.yaml, tune-ha.yaml, tune-hb.yaml,
--   tune-hc.yaml
--                 the same again, measured on the rules tuned on GP-GW (1,
--                 2, 0, 0, 0, 0: "I'd call the 24-hour line, or maybe the
--                 Macmillan helpline", "A swollen leg I'd just put up on a
--                 stool", "a mild temperature she can treat with
--                 paracetamol and watch"); then tuned on;
--   tune-hf.yaml, tune-hg.yaml, tune-hh.yaml, tune-hi.yaml, tune-hj.yaml,
--   tune-hk.yaml
--                 the same again, measured on the rules tuned on GX-HC (0,
--                 0, 0, 2, 0, 0: "a bit of swelling in my leg can wait
--                 till I see them Thursday", "a swollen leg is probably just
--                 from standing all day"); then tuned on;
--   tune-hn.yaml, tune-ho.yaml, tune-hp.yaml, tune-hq.yaml, tune-hr.yaml
--                 the same again, measured on the rules tuned on HF-HK (1,
--                 0, 0, 1, 0: "I'd ring the breast cancer helpline right
--                 away for advice", "the drug company's patient
--                 helpline"); then tuned on;
--   tune-hv.yaml, tune-hw.yaml, tune-hx.yaml, tune-hy.yaml, tune-hz.yaml,
--   tune-ia.yaml
--                 the same again, measured on the rules tuned on HN-HR (1,
--                 1, 0, 0, 0, 0: "then once I'd slept on it, I'd ring",
--                 "ring them at first light"); then tuned on;
--   tune-ib.yaml, tune-ic.yaml, tune-id.yaml, tune-ie.yaml, tune-if.yaml,
--   tune-ig.yaml
--                 the same again, measured on the rules tuned on HV-IA (1,
--                 1, 0, 0, 1, 1: "he's a retired paramedic", "Actually,
--                 I'd see how it was in the morning first", "but the weak
--                 legs I'd leave", "But the weak legs are probably just
--                 from sitting too long"); then tuned on;
--   tune-ih.yaml, tune-ii.yaml, tune-ij.yaml, tune-ik.yaml, tune-il.yaml
--                 the same again, measured on the rules tuned on IB-IG (0,
--                 0, 0, 0, 1: "call the helpline on the back of the
--                 macmillan leaflet"); then tuned on;
--   tune-ip.yaml, tune-iq.yaml, tune-ir.yaml, tune-is.yaml, tune-it.yaml,
--   tune-iu.yaml, tune-iv.yaml, tune-iw.yaml
--                 the same again, measured on the rules tuned on IH-IL (1,
--                 0, 0, 1, 0, 0, 1, 0: "but just a temperature on its own
--                 I'd watch for a bit", "so use your own judgement", "Well
--                 - maybe not at 2"); then tuned on;
--   tune-ja.yaml, tune-jb.yaml, tune-jc.yaml, tune-jd.yaml, tune-je.yaml
--                 the same again, measured on the rules tuned on IP-IW (0,
--                 1, 0, 0, 0: "I'd call the Breast Cancer Now helpline and
--                 ask them what to do, they're really good on the
--                 phone"); then tuned on;
--   tune-jf.yaml, tune-jg.yaml, tune-jh.yaml, tune-ji.yaml, tune-jj.yaml
--                 the same again, measured on the rules tuned on JA-JE (no
--                 unsafe credit; 14 false alarms, 8 of them in JH: "I'd
--                 ring them instantly", "Then I'd call the care team
--                 straight away"); then tuned on;
--   tune-jn.yaml, tune-jo.yaml, tune-jp.yaml, tune-jq.yaml, tune-jr.yaml
--                 the same again, measured on the rules tuned on JF-JJ (1,
--                 0, 0, 0, 1: "A swollen arm, though, I'd just keep it
--                 raised and see", "I'd get my daughter to drive me to the
--                 hospital after she finishes work"); then tuned on;
--   tune-jv.yaml, tune-jw.yaml, tune-jx.yaml, tune-jy.yaml, tune-jz.yaml
--                 the same again, measured on the rules tuned on JN-JR (0,
--                 0, 0, 0, 1: "so I'd give them till tomorrow and see");
--                 then tuned on;
--   tune-kd.yaml, tune-ke.yaml, tune-kf.yaml, tune-kg.yaml, tune-kh.yaml
--                 the same again, written at the start of the next round,
--                 measured on the rules before it with its first rule (the
--                 bracketed "(clot?)") (0, 1, 0, 1, 0: "Tell your husband,
--                 and if he thinks you look unwell, he can call the 24-hour
--                 line for you", "call 999 and get carted off in style I
--                 suppose"); then tuned on;
--   tune-kl.yaml, tune-km.yaml, tune-kn.yaml, tune-ko.yaml, tune-kp.yaml
--                 the same again, measured on the rules tuned on KD-KH (0,
--                 0, 0, 0, 2: "The right answer is ring them now, I know.
--                 But if I'm honest I'd lie there till 6 and then ring",
--                 "fever + shaking = ring 24hr line straight away. just a
--                 temp w no other symptoms = paracetamol n monitor"); then
--                 tuned on;
--   tune-kt.yaml, tune-ku.yaml, tune-kv.yaml, tune-kw.yaml, tune-kx.yaml,
--   tune-ky.yaml  the same again, measured on the rules tuned on KL-KP (0,
--                 0, 1, 0, 2, 0: "I'd take my temperature … and then ring
--                 them as soon as it's 8 o'clock", "id lie flat for a bit
--                 and if the legs dont come back by tea time id go to a&e",
--                 "id ring the team asap … tho prob after the school run
--                 tmrw lol"); then tuned on;
--   tune-lb.yaml, tune-lc.yaml, tune-ld.yaml, tune-le.yaml, tune-lf.yaml
--                 the same again, measured on the rules tuned on KT-KY (0,
--                 1, 0, 1, 0: "I'd sit up in my chair till it was light
--                 and then telephone", "we'll ring that 24-hour number
--                 together. I'll be home from work by seven, so I can sit
--                 with you while you call"); then tuned on;
--   tune-lg.yaml, tune-lh.yaml, tune-li.yaml, tune-lj.yaml, tune-lk.yaml
--                 the same again, measured on the rules tuned on LB-LF (1,
--                 0, 1, 0, 0: "I'd ring them now. Well, maybe, if I could
--                 find the number, otherwise in the morning", "ring the dr
--                 4 an appt, prob wont get one til next wk tho"); then
--                 tuned on;
--   tune-dm.yaml, tune-ka.yaml, tune-mc.yaml
--                 red flags, written as held-out sets, each with one
--                 unsafe credit when first measured that the second reader
--                 did not take back ("If my arm went swollen and painful
--                 I'd ring them straight away. A sore, puffy leg though,
--                 I'd put that down to standing all day at work", "Ring
--                 the 24-hour line now. Although, actually, … so this time
--                 I'd skip the call", "I'd call the Cancer Research
--                 nurses' helpline straight away"); then read and tuned on,
--                 so that no labelled set may show one;
--   tune-me.yaml, tune-mf.yaml, tune-mg.yaml, tune-mh.yaml
--                 red flags, the same kind (MG and MH mostly short answers,
--                 of three to fifteen words), measured on the rules with
--                 DM, KA and MC closed (no unsafe credit; 6 false alarms
--                 of 305, among them "Suspected MSCC: contact the acute
--                 oncology service immediately, urgent MRI within 24
--                 hours", "Never brush off a temperature on palbo, ring us
--                 immediately"); then tuned on;
--   tune-mq.yaml, tune-mr.yaml
--                 the same again, mostly short, measured on the rules tuned
--                 on ME-MH with the reader taught on them (no unsafe
--                 credit, the reader taking back the rules' two in MQ: "If
--                 I had a fever I'd ring now, but a new cough I'd leave for
--                 the morning", "If it's high and I'm shivery I'd ring now,
--                 but just a bit of a temp I'd watch it"; 1 false alarm of
--                 152, "Straight up to emergency, mate"); then tuned on;
--   tune-ms.yaml, tune-mt.yaml, tune-mu.yaml, tune-mv.yaml
--                 the same again, measured on the rules tuned on MQ and MR
--                 (no unsafe credit, the reader taking back the rules' one
--                 in MU: "If my arm swelled up I'd ring straight away, but
--                 if it was my leg I'd assume I'd just been on my feet too
--                 much and rest it"; 6 false alarms of 302, among them
--                 "I'd phone the team now, and the achy joints I'd mention
--                 at my next appointment"); then tuned on;
--   tune-mw.yaml, tune-mx.yaml, tune-my.yaml, tune-mz.yaml
--                 the same again (MW and MX half from nursing students in
--                 clinical notes: "?MSCC", "-> call team now ?DVT", "lie
--                 flat if pain on movement", "if sx progress overnight"),
--                 measured on the rules tuned on MS-MV (no unsafe credit,
--                 the reader taking back the rules' two: "Would advise to
--                 call the 24h line if sx progress overnight; otherwise GP
--                 in the morning", "I'd take my pain tablets and if they
--                 didn't work in an hour or two I'd ring"; 9 false alarms
--                 of 300, seven of them in notes); then tuned on;
--   tune-mp.yaml, tune-nh.yaml
--                 red flags, written as held-out sets (MP after the rules
--                 tuned on ME-MH, NH, half in clinical notes, after those
--                 tuned on MW-MZ), each with one unsafe credit when first
--                 measured, at the end of the rules tuned on MW-MZ, that
--                 the second reader kept ("Call the team now for a painful
--                 leg. Well, after my walk, it might just be a cramp",
--                 "Swollen painful arm -> call team now. Swollen painful
--                 leg after long-haul flight -> likely dependent oedema,
--                 observe"); then read and tuned on;
--   tune-bc.yaml, tune-bd.yaml
--                 general answers a word-matcher tends to get wrong (points
--                 and beliefs in roundabout words), and red-flag answers
--                 holding beliefs as plans, feelings and stories, written at
--                 the start of the next round, measured before its rules,
--                 then tuned on;
--   heldout-e.yaml, heldout-h.yaml, heldout-l.yaml, heldout-m.yaml,
--   heldout-p.yaml, heldout-t.yaml, heldout-y.yaml, heldout-ac.yaml,
--   heldout-ad.yaml, heldout-ag.yaml, heldout-ah.yaml, heldout-ai.yaml,
--   heldout-ak.yaml, heldout-al.yaml, heldout-aq.yaml, heldout-as.yaml,
--   heldout-at.yaml, heldout-ay.yaml, heldout-az.yaml, heldout-ba.yaml,
--   heldout-bg.yaml, heldout-bq.yaml, heldout-bt.yaml, heldout-bu.yaml,
--   heldout-bv.yaml, heldout-cg.yaml, heldout-ch.yaml, heldout-ci.yaml,
--   heldout-cn.yaml, heldout-co.yaml, heldout-cp.yaml, heldout-dk.yaml,
--   heldout-dl.yaml, heldout-dn.yaml, heldout-do.yaml, heldout-dp.yaml,
--   heldout-dq.yaml, heldout-dv.yaml, heldout-dw.yaml,
--   heldout-dx.yaml, heldout-dy.yaml, heldout-el.yaml, heldout-em.yaml,
--   heldout-en.yaml, heldout-eo.yaml, heldout-ff.yaml, heldout-fg.yaml,
--   heldout-fh.yaml, heldout-fi.yaml, heldout-fr.yaml, heldout-fs.yaml,
--   heldout-ft.yaml, heldout-fu.yaml, heldout-gh.yaml, heldout-gi.yaml,
--   heldout-gj.yaml, heldout-gk.yaml, heldout-hd.yaml, heldout-he.yaml,
--   heldout-hl.yaml, heldout-hm.yaml, heldout-hs.yaml, heldout-ht.yaml,
--   heldout-hu.yaml, heldout-im.yaml, heldout-in.yaml, heldout-io.yaml,
--   heldout-ix.yaml, heldout-iy.yaml, heldout-iz.yaml, heldout-jk.yaml,
--   heldout-jl.yaml, heldout-jm.yaml, heldout-js.yaml, heldout-jt.yaml,
--   heldout-ju.yaml, heldout-kb.yaml, heldout-kc.yaml,
--   heldout-ki.yaml, heldout-kj.yaml, heldout-kk.yaml, heldout-kq.yaml,
--   heldout-kr.yaml, heldout-ks.yaml, heldout-kz.yaml, heldout-la.yaml,
--   heldout-ll.yaml, heldout-lm.yaml, heldout-ln.yaml
--                 eighty-nine more such sets, never tuned on and their texts
--                 never read: only their figures are, and they are the
--                 honest ones (README); their disagreements are never
--                 shown (L was written after the last rule of its round,
--                 M after it too, with N and O, and measured before them;
--                 P (general) after the rules tuned on N and O; T (general)
--                 at the start of the round that tuned on U, V and W, and
--                 measured before it; Y (general) at its start too, and
--                 measured only at its end; AC (general) and AD (red
--                 flags) after the last rule of that round; AG (general)
--                 and AH (red flags) at the start of the round that tuned
--                 on AE and AF, measured before it and at its end; AI
--                 (general) after that round's last rule, measured once;
--                 AK (general) and AL (red flags) at the start of the
--                 round that tuned on AM and AN, measured before it and
--                 at its end; AQ (general) near that round's end, with AR;
--                 AS (general) and AT (red flags) at the start of the
--                 round that tuned on AU and AV, measured before it and at
--                 its end; AY (general) and AZ (red flags) near its end,
--                 before its last rules; BA (general) at the start of the
--                 round that tuned on BB to CE, measured before it and at
--                 its end; BG (general) after that round's first rules,
--                 BQ (general) and BT, BU, BV (red flags) during it, CG,
--                 CH, CI, CN, CO, CP (red flags) near its end, each measured when
--                 written and after the round's last rule; DK, DL, DM, DN,
--                 DO, DP (red flags) and DQ (general) in the round that
--                 tuned on CQ to DJ, measured after its rules of red
--                 flags and again after its last, of beliefs; DV, DW, DX,
--                 DY (red flags) at the start of the round that tuned on
--                 DR to FA and EL, EM, EN, EO (red flags) during it, all
--                 measured once, after its last rule; FF, FG, FH, FI (red
--                 flags) at the start of the round that tuned on FB to GC,
--                 measured before it and at its end, and FR, FS, FT, FU
--                 (red flags) after its fourth batch, measured once at its
--                 end; GH, GI, GJ, GK (red flags) at the start of the
--                 round that tuned on GL to GO and on, measured before it
--                 (no unsafe credit) and at its end; HD, HE (red flags)
--                 after its rules tuned on GL to GW, measured then (no
--                 unsafe credit) and at its end; HL, HM (red flags) after
--                 its rules tuned on GX to HC, measured then (HL one unsafe
--                 credit) and at its end; HS, HT, HU (red flags) after
--                 its rules tuned on HF to HK, measured once at its end;
--                 IM, IN, IO (red flags) at the start of the round that
--                 tuned on IH and on, measured before it (one unsafe
--                 credit each) and at its end; IX, IY, IZ (red flags)
--                 after its rules tuned on IH to IW, measured then (no
--                 unsafe credit) and at its end; JK, JL, JM (red flags)
--                 after its rules tuned on JA to JE, measured then (JL one
--                 unsafe credit) and at its end; JS, JT, JU (red flags)
--                 after them, measured once, after its fifth batch;
--                 KA, KB, KC (red flags) after it, measured once, after
--                 its last rule (KA and KB one unsafe credit each); KI, KJ,
--                 KK (red flags) at the start of the round that tuned on
--                 KD and on, KQ, KR, KS after its first batch and KZ, LA
--                 after its second, measured after its fourth batch (KK,
--                 KR and KS one unsafe credit each) and at its end (the
--                 same); LL, LM, LN after its fourth batch, measured once,
--                 after its last rule (none)); LO to LV (red flags) at
--                 the start of the round that made the second reader,
--                 measured after it (none; the reader took back one credit
--                 of the rules in LR and one in LT); LW to MD (red flags)
--                 after the reader was made, measured once, at the
--                 round's end (one unsafe credit, MC's; the reader took
--                 back two in LW and one in MD).  DM, KA and MC, each
--                 with one unsafe credit, were then read and tuned on
--                 (above); MI to ML (red flags) at the start of the round
--                 that tuned on ME and on, MM, MN, MO (and MP) after its
--                 first batch, NA to NG (and NH; NE and NF mostly short
--                 answers, NG and NH half clinical notes) after its fourth,
--                 each measured once, after its fourth batch's rules
--                 (no unsafe credit but MP's and NH's, above); NI to NP
--                 (red flags; NN mostly short, NO and NP half clinical
--                 notes) after that round's last rule, measured once (no
--                 unsafe credit; the reader took back two of the rules'
--                 in NJ and one in NO);
--   labelled.yaml an older set with its own five questions.
-- The questions are checked with the real schema against the real
-- material; then analyse() runs on every answer and its findings are
-- compared with the marks.
--
-- Precision = found and marked / found; recall = found and marked /
-- marked, over (answer, key point) and (answer, misconception) pairs.  On
-- urgent key points (act now): an unsafe credit is a point the engine
-- credits that the nurse did not mark (any one fails the test); a false
-- alarm is a point the nurse marked that the engine missed (a rate over
-- the points marked).  The line of each set also says how many credits of
-- the rules the second reader (actnow.lua) took back: unsafe ones (the
-- nurse did not mark the point; without the reader, each would be an
-- unsafe credit) and right ones (each a false alarm it made).  It was
-- taught on every set here but the held-out ones
-- (test_actnow.lua checks its list).

local T = ...
local material = require("material")
local quiz = require("quiz")
local schema = require("schema")
local tb = require("types.teachback")

-- Set to true to log every disagreement on the tuning set (answer number,
-- question, +found but not marked, -marked but not found, the text).
local SHOW_DISAGREEMENTS = false
local MATERIAL = "quizzes/material"
local QUIZZES = { "quizzes/patient/bone-basics.yaml", "quizzes/patient/what-is-metastasis.yaml",
                  "quizzes/patient/when-to-call.yaml", "quizzes/patient/treatment-basics.yaml",
                  "quizzes/selfcheck/hormone-therapy.yaml", "quizzes/selfcheck/new-stage-iv.yaml",
                  "quizzes/selfcheck/bone-agent.yaml", "quizzes/selfcheck/brain-srs.yaml",
                  "quizzes/selfcheck/cdk46.yaml", "quizzes/student/treatments.yaml",
                  "quizzes/student/exam.yaml", "quizzes/student/staging-and-sites.yaml" }

local function set(list)
  local s = {}
  for _, x in ipairs(list or {}) do s[x] = true end
  return s
end

local function ratio(a, b)
  if b == 0 then return 1 end
  return a / b
end

-- The teach-back questions of the bundled quizzes, by id.
local bundled
local function bundled_questions()
  if bundled then return bundled end
  bundled = {}
  for _, path in ipairs(QUIZZES) do
    for _, question in ipairs(T.quiz(path).questions) do
      if question.type == "teachback" then bundled[question.id] = question end
    end
  end
  return bundled
end

local loaded = {}
local function load(name)
  if loaded[name] then return loaded[name] end
  local path = "tests/teachback/" .. name
  local data, where = host.read_yaml(path)
  if data == nil then error(where) end
  local questions, msgs = bundled_questions(), {}
  if data.questions then
    local index = material.load_dir(MATERIAL)
    local v = schema.new(path, where)
    questions = {}
    for _, q in ipairs(data.questions) do
      v.fallback = q
      quiz.check_question(q, v, index)
      questions[q.id] = q
    end
    for _, it in ipairs(v:sorted()) do msgs[#msgs + 1] = schema.format(it) end
  end
  loaded[name] = { data = data, questions = questions, msgs = msgs }
  return loaded[name]
end

-- Misconceptions added after the blind sets were labelled: their writers
-- were never asked about them, so only the first N of these questions'
-- misconceptions are compared (tb-dexamethasone's takes-at-night, a review
-- row, is tested in test_teachback_review.lua).
local LABELLED_BELIEFS = { ["tb-dexamethasone"] = 2 }

-- The figures of one set.
local function figures(L)
  local kp = { tp = 0, fp = 0, fn = 0 }
  local mis = { tp = 0, fp = 0, fn = 0 }
  local urgent = { marked = 0, unsafe = 0, alarms = 0, read_unsafe = 0, read_right = 0 }
  local disagree = {}
  for i, a in ipairs(L.data.answers) do
    local q = L.questions[a.q]
    local got = tb.analyse(q, a.text)
    local want, found = set(a.covered), set(got.covered)
    local function note(what)
      disagree[#disagree + 1] = ("%d %s: %s   | %s"):format(i, a.q, what, a.text)
    end
    for _, k in ipairs(q.key_points) do
      local w, f = want[k.id], found[k.id]
      if w and f then kp.tp = kp.tp + 1
      elseif f then kp.fp = kp.fp + 1 note("+" .. k.id)
      elseif w then kp.fn = kp.fn + 1 note("-" .. k.id)
      end
      if k.urgent then
        if w then urgent.marked = urgent.marked + 1 end
        if f and not w then urgent.unsafe = urgent.unsafe + 1 end
        if w and not f then urgent.alarms = urgent.alarms + 1 end
        -- (Credits the rules gave and the second reader took back.)
        if not f and got.evidence[k.id] and got.evidence[k.id].reader then
          if w then urgent.read_right = urgent.read_right + 1
          else urgent.read_unsafe = urgent.read_unsafe + 1 end
        end
      end
    end
    local mwant = {}
    for _, m in ipairs(a.misconceptions or {}) do mwant[math.tointeger(tonumber(m))] = true end
    local mfound = set(got.misconceptions)
    for k in ipairs(q.misconceptions or {}) do
      if k > (LABELLED_BELIEFS[a.q] or math.huge) then break end
      local w, f = mwant[k], mfound[k]
      if w and f then mis.tp = mis.tp + 1
      elseif f then mis.fp = mis.fp + 1 note("+misconception " .. k)
      elseif w then mis.fn = mis.fn + 1 note("-misconception " .. k)
      end
    end
  end
  return {
    n = #L.data.answers,
    kp_p = ratio(kp.tp, kp.tp + kp.fp), kp_r = ratio(kp.tp, kp.tp + kp.fn),
    m_p = ratio(mis.tp, mis.tp + mis.fp), m_r = ratio(mis.tp, mis.tp + mis.fn),
    urgent = urgent, alarm_rate = ratio(urgent.alarms, urgent.marked) ,
    disagree = disagree,
  }
end

-- Unsafe credits a set may have.  Set D counted 6 when first measured;
-- all six were answers that call now about a swollen leg, labelled against
-- an old wording of tb-hormone-therapy in which that call was part of
-- "report".  Labelled again, blind, for call-now-clot, D has none.  Every
-- set must have none; a held-out set that shows one would be listed here
-- with its count, never fixed answer by answer.
-- (Set H credited 2 when first measured and set K 1, a plain "I'd get in
-- touch with them" at 2 in the morning; since a call needs a word of
-- acting now, neither does.)
-- Red-flag sets written blind as the latest round went on (half of each
-- not acting now in ways easy to miss) and never read: after the round's
-- last rule BT, BU, BV and CI show one unsafe credit each (as when first
-- measured), CO two and CP three (written near the end); CG, CH and CN
-- none.  The honest figure of the rules on answers of that kind (README).
-- After the round that tuned on DR to FA: CI, CO and DO none; DW two, DY
-- one (written in that round, measured once).  After the round that tuned
-- on FB to GC: DN none; FF one (written at that round's start, one when
-- first measured too) and FS one (written after its fourth batch,
-- measured once).  In the round that tuned on GL to HK: BT, DK, DP and
-- FF none, DM one; HL (written in that round, after the rules tuned on GX
-- to HC) one when first measured.  With the second reader (actnow.lua,
-- taught on the tuning sets only), of the seventeen unsafe credits the
-- rules alone give on these sets (BU, BV, CP two, DM, DW, DY, HL, IM, IN,
-- IO, JL, KA, KB, KK, KR, KS) fifteen are taken back; DM's and KA's stand.
-- MC, written after the reader was made, shows one when measured.  DM,
-- KA and MC were then read and tuned on (tune-dm.yaml, tune-ka.yaml,
-- tune-mc.yaml): no set may now show an unsafe credit.  So were MP and
-- NH, one each when first measured (tune-mp.yaml, tune-nh.yaml).
local KNOWN_UNSAFE = {}

local function report(name, f)
  T.log(("teach-back agreement, %s (%d answers): key points precision %.3f recall %.3f; " ..
         "misconceptions precision %.3f recall %.3f; urgent points: %d marked, %d unsafe " ..
         "credits, %d false alarms (%.1f%%); the second reader took back %d unsafe, %d right"):format(
         name, f.n, f.kp_p, f.kp_r, f.m_p, f.m_r,
         f.urgent.marked, f.urgent.unsafe, f.urgent.alarms,
         f.urgent.marked > 0 and 100 * f.urgent.alarms / f.urgent.marked or 0,
         f.urgent.read_unsafe, f.urgent.read_right))
end

for _, name in ipairs({ "tune.yaml", "tune-b.yaml", "tune-c.yaml", "tune-d.yaml", "tune-f.yaml", "tune-g.yaml", "tune-i.yaml", "tune-j.yaml", "tune-k.yaml", "tune-n.yaml", "tune-o.yaml", "tune-r.yaml", "tune-s.yaml", "tune-u.yaml", "tune-v.yaml", "tune-w.yaml", "tune-q.yaml", "tune-z.yaml", "tune-aa.yaml", "tune-ab.yaml", "tune-x.yaml", "tune-af.yaml", "tune-ae.yaml", "tune-aj.yaml", "tune-an.yaml", "tune-am.yaml", "tune-ap.yaml", "tune-ao.yaml", "tune-ar.yaml", "heldout-e.yaml", "heldout-h.yaml", "heldout-l.yaml", "heldout-m.yaml", "heldout-p.yaml", "heldout-t.yaml", "heldout-y.yaml", "heldout-ac.yaml", "heldout-ad.yaml", "heldout-ag.yaml", "heldout-ah.yaml", "heldout-ai.yaml", "heldout-al.yaml", "heldout-ak.yaml", "heldout-aq.yaml", "heldout-as.yaml", "heldout-at.yaml", "heldout-ay.yaml", "heldout-az.yaml", "tune-au.yaml", "tune-av.yaml", "tune-aw.yaml", "tune-ax.yaml", "tune-bb.yaml", "tune-bc.yaml", "tune-bd.yaml", "tune-be.yaml", "tune-bf.yaml", "tune-bi.yaml", "tune-bh.yaml", "tune-bj.yaml", "tune-bk.yaml", "tune-bl.yaml", "tune-bm.yaml", "tune-br.yaml", "tune-bs.yaml", "tune-bn.yaml", "tune-bo.yaml", "tune-bp.yaml", "tune-bw.yaml", "tune-bx.yaml", "tune-by.yaml", "tune-bz.yaml", "tune-ca.yaml", "tune-cb.yaml", "tune-cd.yaml", "tune-cc.yaml", "tune-ce.yaml", "tune-cj.yaml", "tune-ck.yaml", "tune-cl.yaml", "tune-cm.yaml", "tune-cq.yaml", "tune-cr.yaml", "tune-cs.yaml", "tune-ct.yaml", "tune-cu.yaml", "tune-cv.yaml", "tune-cw.yaml", "tune-cx.yaml", "tune-cy.yaml", "tune-cz.yaml", "tune-da.yaml", "tune-db.yaml", "tune-dc.yaml", "tune-dd.yaml", "tune-de.yaml", "tune-df.yaml", "tune-dg.yaml", "tune-dh.yaml", "tune-di.yaml", "tune-dj.yaml", "tune-dr.yaml", "tune-ds.yaml", "tune-dt.yaml", "tune-du.yaml", "tune-dz.yaml", "tune-ea.yaml", "tune-eb.yaml", "tune-ec.yaml", "tune-ed.yaml", "tune-ee.yaml", "tune-ef.yaml", "tune-eg.yaml", "tune-eh.yaml", "tune-ei.yaml", "tune-ej.yaml", "tune-ek.yaml", "tune-ep.yaml", "tune-eq.yaml", "tune-er.yaml", "tune-es.yaml", "tune-et.yaml", "tune-eu.yaml", "tune-ev.yaml", "tune-ew.yaml", "tune-ex.yaml", "tune-ey.yaml", "tune-ez.yaml", "tune-fa.yaml", "tune-fb.yaml", "tune-fc.yaml", "tune-fd.yaml", "tune-fe.yaml", "tune-fj.yaml", "tune-fk.yaml", "tune-fl.yaml", "tune-fm.yaml", "tune-fn.yaml", "tune-fo.yaml", "tune-fp.yaml", "tune-fq.yaml", "tune-fv.yaml", "tune-fw.yaml", "tune-fx.yaml", "tune-fy.yaml", "tune-fz.yaml", "tune-ga.yaml", "tune-gb.yaml", "tune-gc.yaml", "tune-gd.yaml", "tune-ge.yaml", "tune-gf.yaml", "tune-gg.yaml", "tune-gl.yaml", "tune-gm.yaml", "tune-gn.yaml", "tune-go.yaml", "tune-gp.yaml", "tune-gq.yaml", "tune-gr.yaml", "tune-gs.yaml", "tune-gt.yaml", "tune-gu.yaml", "tune-gv.yaml", "tune-gw.yaml", "tune-gx.yaml", "tune-gy.yaml", "tune-gz.yaml", "tune-ha.yaml", "tune-hb.yaml", "tune-hc.yaml", "tune-hf.yaml", "tune-hg.yaml", "tune-hh.yaml", "tune-hi.yaml", "tune-hj.yaml", "tune-hk.yaml", "tune-hn.yaml", "tune-ho.yaml", "tune-hp.yaml", "tune-hq.yaml", "tune-hr.yaml", "tune-hv.yaml", "tune-hw.yaml", "tune-hx.yaml", "tune-hy.yaml", "tune-hz.yaml", "tune-ia.yaml", "tune-ib.yaml", "tune-ic.yaml", "tune-id.yaml", "tune-ie.yaml", "tune-if.yaml", "tune-ig.yaml", "tune-ih.yaml", "tune-ii.yaml", "tune-ij.yaml", "tune-ik.yaml", "tune-il.yaml", "tune-ip.yaml", "tune-iq.yaml", "tune-ir.yaml", "tune-is.yaml", "tune-it.yaml", "tune-iu.yaml", "tune-iv.yaml", "tune-iw.yaml", "tune-ja.yaml", "tune-jb.yaml", "tune-jc.yaml", "tune-jd.yaml", "tune-je.yaml", "tune-jf.yaml", "tune-jg.yaml", "tune-jh.yaml", "tune-ji.yaml", "tune-jj.yaml", "tune-jn.yaml", "tune-jo.yaml", "tune-jp.yaml", "tune-jq.yaml", "tune-jr.yaml", "tune-jv.yaml", "tune-jw.yaml", "tune-jx.yaml", "tune-jy.yaml", "tune-jz.yaml", "tune-kd.yaml", "tune-ke.yaml", "tune-kf.yaml", "tune-kg.yaml", "tune-kh.yaml", "tune-kl.yaml", "tune-km.yaml", "tune-kn.yaml", "tune-ko.yaml", "tune-kp.yaml", "tune-kt.yaml", "tune-ku.yaml", "tune-kv.yaml", "tune-kw.yaml", "tune-kx.yaml", "tune-ky.yaml", "tune-lb.yaml", "tune-lc.yaml", "tune-ld.yaml", "tune-le.yaml", "tune-lf.yaml", "tune-lg.yaml", "tune-lh.yaml", "tune-li.yaml", "tune-lj.yaml", "tune-lk.yaml", "tune-dm.yaml", "tune-ka.yaml", "tune-mc.yaml", "tune-me.yaml", "tune-mf.yaml", "tune-mg.yaml", "tune-mh.yaml", "tune-mq.yaml", "tune-mr.yaml", "tune-ms.yaml", "tune-mt.yaml", "tune-mu.yaml", "tune-mv.yaml", "tune-mw.yaml", "tune-mx.yaml", "tune-my.yaml", "tune-mz.yaml", "tune-mp.yaml", "tune-nh.yaml", "heldout-ba.yaml", "heldout-bg.yaml", "heldout-bq.yaml", "heldout-bt.yaml", "heldout-bu.yaml", "heldout-bv.yaml", "heldout-cg.yaml", "heldout-ch.yaml", "heldout-ci.yaml", "heldout-cn.yaml", "heldout-co.yaml", "heldout-cp.yaml", "heldout-dk.yaml", "heldout-dl.yaml", "heldout-dn.yaml", "heldout-do.yaml", "heldout-dp.yaml", "heldout-dq.yaml", "heldout-dv.yaml", "heldout-dw.yaml", "heldout-dx.yaml", "heldout-dy.yaml", "heldout-el.yaml", "heldout-em.yaml", "heldout-en.yaml", "heldout-eo.yaml", "heldout-ff.yaml", "heldout-fg.yaml", "heldout-fh.yaml", "heldout-fi.yaml", "heldout-fr.yaml", "heldout-fs.yaml", "heldout-ft.yaml", "heldout-fu.yaml", "heldout-gh.yaml", "heldout-gi.yaml", "heldout-gj.yaml", "heldout-gk.yaml", "heldout-hd.yaml", "heldout-he.yaml", "heldout-hl.yaml", "heldout-hm.yaml", "heldout-hs.yaml", "heldout-ht.yaml", "heldout-hu.yaml", "heldout-im.yaml", "heldout-in.yaml", "heldout-io.yaml", "heldout-ix.yaml", "heldout-iy.yaml", "heldout-iz.yaml", "heldout-jk.yaml", "heldout-jl.yaml", "heldout-jm.yaml", "heldout-js.yaml", "heldout-jt.yaml", "heldout-ju.yaml", "heldout-kb.yaml", "heldout-kc.yaml", "heldout-ki.yaml", "heldout-kj.yaml", "heldout-kk.yaml", "heldout-kq.yaml", "heldout-kr.yaml", "heldout-ks.yaml", "heldout-kz.yaml", "heldout-la.yaml", "heldout-ll.yaml", "heldout-lm.yaml", "heldout-ln.yaml", "heldout-lo.yaml", "heldout-lp.yaml", "heldout-lq.yaml", "heldout-lr.yaml", "heldout-ls.yaml", "heldout-lt.yaml", "heldout-lu.yaml", "heldout-lv.yaml", "heldout-lw.yaml", "heldout-lx.yaml", "heldout-ly.yaml", "heldout-lz.yaml", "heldout-ma.yaml", "heldout-mb.yaml", "heldout-md.yaml", "heldout-mi.yaml", "heldout-mj.yaml", "heldout-mk.yaml", "heldout-ml.yaml", "heldout-mm.yaml", "heldout-mn.yaml", "heldout-mo.yaml", "heldout-na.yaml", "heldout-nb.yaml", "heldout-nc.yaml", "heldout-nd.yaml", "heldout-ne.yaml", "heldout-nf.yaml", "heldout-ng.yaml", "heldout-ni.yaml", "heldout-nj.yaml", "heldout-nk.yaml", "heldout-nl.yaml", "heldout-nm.yaml", "heldout-nn.yaml", "heldout-no.yaml", "heldout-np.yaml",
                         "labelled.yaml" }) do
  T.test("teachback agreement: " .. name .. " names real questions, key points, " ..
         "misconceptions", function()
    local L = load(name)
    T.eq(L.msgs, {})
    T.ok(#L.data.answers >= 60, "at least 60 answers")
    for i, a in ipairs(L.data.answers) do
      local q = L.questions[a.q]
      T.ok(q, ("answer %d: no question '%s'"):format(i, tostring(a.q)))
      local ids = {}
      for _, kp in ipairs(q.key_points) do ids[kp.id] = true end
      for _, id in ipairs(a.covered or {}) do
        T.ok(ids[id], ("answer %d: no key point '%s'"):format(i, id))
      end
      for _, m in ipairs(a.misconceptions or {}) do
        local k = math.tointeger(tonumber(m))
        T.ok(k and q.misconceptions[k], ("answer %d: no misconception %s"):format(i, m))
      end
    end
  end)

  T.test("teachback agreement: " .. name .. ": figures, and no unsafe credit", function()
    local f = figures(load(name))
    report(name, f)
    if SHOW_DISAGREEMENTS and name:match("^tune") then
      T.log("  disagreements:\n  " .. table.concat(f.disagree, "\n  "))
    end
    T.ok(f.urgent.unsafe <= (KNOWN_UNSAFE[name] or 0),
         ("%d urgent points credited that the nurse did not mark"):format(f.urgent.unsafe))
  end)
end

T.test("teachback agreement: every teach-back question is in the blind sets", function()
  local seen = {}
  for _, name in ipairs({ "tune.yaml", "tune-b.yaml", "tune-c.yaml" }) do
    for _, a in ipairs(load(name).data.answers) do seen[a.q] = true end
  end
  for id in pairs(bundled_questions()) do T.ok(seen[id], id) end
end)
