"""User-facing text for the reflect area. Keys start with "reflect.".

Everything the guided flows say lives here: the reflection, the survivor path
(``reflect.survivor.*``, read by the tone test), the crisis path and safety plan, the partner
check, the Socratic question bank (``reflect.socratic.<trap>.<n>``), the explainer cards
(``reflect.card.*``; sources in docs/explainers.md) and the CLI's own lines (``reflect.cli.*``).
Prompts may use ``{item}``: the question, thought or pillar the step is about.
"""

_PILLARS = {
    "reflect.pillar.safety": "Safety",
    "reflect.pillar.safety.about": (
        "Feeling physically and emotionally safe: free to say no, to slow down, to leave."
    ),
    "reflect.pillar.care": "Care",
    "reflect.pillar.care.about": "Being cared about as a whole person, before, during and after.",
    "reflect.pillar.honesty": "Honesty",
    "reflect.pillar.honesty.about": (
        "Saying what you each want and meaning it; words and actions that match."
    ),
    "reflect.pillar.mutual_value": "Mutual value",
    "reflect.pillar.mutual_value.about": "Both of you mattering, not one person serving the other.",
    "reflect.pillar.respect_for_boundaries": "Respect for boundaries",
    "reflect.pillar.respect_for_boundaries.about": (
        "A no, a not yet or a change of mind is heard and accepted the first time."
    ),
}

_R = "reflect.reflection"
_REFLECTION = {
    f"{_R}.title": "Reflection",
    f"{_R}.consent": (
        "Before anything else, one gentle question. Was everything that happened something you "
        "wanted and freely agreed to at the time?"
    ),
    f"{_R}.consent.yes": "Yes, I agreed to all of it",
    f"{_R}.consent.no": "No, not all of it",
    f"{_R}.consent.not_sure": "I'm not sure",
    f"{_R}.consent.note": (
        "There is no wrong answer, and you can change it later. If you were pressured, "
        "frightened, asleep, drunk or high, froze, or said no and it went on, that is not "
        "full consent."
    ),
    f"{_R}.happened": "In a few sentences, what happened?",
    f"{_R}.happened.note": "Only as much as you want to write. Nobody else will read this.",
    f"{_R}.expect.hoped": "What did you hope for, going in?",
    f"{_R}.expect.signalled": "What did they say or do that shaped that hope?",
    f"{_R}.expect.agreed": "What was actually said out loud or agreed between you?",
    f"{_R}.expect.agreed.note": "\"Nothing was said\" is a real answer too.",
    f"{_R}.expect.gap": "Where was the gap between what you hoped for and what happened?",
    f"{_R}.felt.words": "Which words fit how you felt afterwards?",
    f"{_R}.felt.words.note": "For example: empty, used, lonely, confused, relieved, angry.",
    f"{_R}.felt.intensity": "How strong was that feeling, from 0 (not at all) to 10 (the most)?",
    f"{_R}.felt.intensity.note": "A rough number is fine.",
    f"{_R}.echo.questions": "Which questions keep echoing in your head?",
    f"{_R}.echo.questions.note": (
        "Questions like these can loop without an answer. Write them down so we can look at "
        "each one. You can keep, change or skip the ones found in your entries."
    ),
    f"{_R}.echo.need": "\"{item}\" — instead of why: what do you need now?",
    f"{_R}.echo.need.note": (
        "Why-questions often have no answer. What-now questions can: what would help, what "
        "would you like to be different, what matters to you here?"
    ),
    f"{_R}.echo.step": "One small, concrete thing you could do about it this week?",
    f"{_R}.thoughts": "Which thoughts about it weigh on you the most? (up to three)",
    f"{_R}.thoughts.note": (
        "Write each as the sentence that goes through your head, for example "
        "\"I'm not worth more than this\". You can skip this."
    ),
    f"{_R}.thought.belief_before": "\"{item}\" — how much do you believe it right now, 0 to 100?",
    f"{_R}.thought.belief_before.note": "0 means not at all, 100 means completely.",
    f"{_R}.thought.feeling_before": "How strong is the feeling that comes with it, 0 to 10?",
    f"{_R}.thought.feeling_before.note": "0 means none, 10 means as strong as it gets.",
    f"{_R}.thought.traps": "Do any of these thinking traps fit \"{item}\"?",
    f"{_R}.thought.traps.note": (
        "These are suggestions, not verdicts. Keep the ones that fit and drop the ones that "
        "don't; your answer helps Afterword learn."
    ),
    f"{_R}.thought.socratic": "Some questions to sit with. Write whatever comes up.",
    f"{_R}.thought.balanced": "What would a kinder, more balanced version of that thought be?",
    f"{_R}.thought.balanced.note": (
        "It does not have to be positive, only fair and believable to you, as you might say "
        "it to a friend."
    ),
    f"{_R}.thought.belief_after": (
        "Now, how much do you believe the original thought, \"{item}\", 0 to 100?"
    ),
    f"{_R}.thought.belief_after.note": "It is fine if the number has not moved much.",
    f"{_R}.thought.feeling_after": "And how strong is the feeling now, 0 to 10?",
    f"{_R}.thought.feeling_after.note": "0 means none, 10 means as strong as it gets.",
    f"{_R}.pillar.status": "{item}: in this experience, was it there?",
    f"{_R}.pillar.status.present": "It was there",
    f"{_R}.pillar.status.missing": "It was missing",
    f"{_R}.pillar.status.violated": "It was broken",
    f"{_R}.pillar.status.not_sure": "I'm not sure",
    f"{_R}.pillar.evidence": "{item}: one line on what makes you say so (optional).",
    f"{_R}.taught": "What has this shown you about what you need and deserve?",
    f"{_R}.taught.note": (
        "This is about what matters to you from here on, not about what you did wrong."
    ),
    f"{_R}.boundary": "Your boundary from now on, in your own words?",
    f"{_R}.boundary.note": (
        "For example: \"I wait until we have said out loud what we each want.\" It goes into "
        "your boundaries, where you can change or retire it any time."
    ),
    f"{_R}.boundary.pillars": "Which pillars does this boundary protect? (optional)",
    f"{_R}.close": (
        "That was a lot of honest work. Your reflection is saved, encrypted, on this machine. "
        "You can come back to it, change an answer, or leave it as it is."
    ),
}

_S = "reflect.survivor"
_SURVIVOR = {
    f"{_S}.title": "Support",
    f"{_S}.intro": (
        "What you describe was not your fault. Nobody has the right to go on without your "
        "free agreement, and nothing you did or did not do makes it your fault. "
        "You do not have to decide anything now. We will go at your pace, and you can stop "
        "at any time."
    ),
    f"{_S}.detected": (
        "Something you wrote sounds as if part of it may not have been your free choice. "
        "Is that closer to what happened?"
    ),
    f"{_S}.detected.note": "Whatever you answer is right. You can change it later.",
    f"{_S}.detected.closer": "Yes, that is closer to it",
    f"{_S}.detected.not_sure": "I'm not sure",
    f"{_S}.detected.my_choice": "No, it was my free choice; take me back to the reflection",
    f"{_S}.grounding": "Would you like a short grounding exercise first?",
    f"{_S}.grounding.yes": "Yes, guide me",
    f"{_S}.grounding.not_now": "Not now",
    f"{_S}.grounding.breathe": (
        "Let your breath slow down. Breathe in through your nose for a count of four, hold "
        "it gently for a moment, and breathe out for a count of six. Do this a few times, "
        "at your own speed."
    ),
    f"{_S}.grounding.senses": (
        "Look around you. Name five things you can see, four you can touch, three you can "
        "hear, two you can smell, and one you can taste. Say them out loud or in your head."
    ),
    f"{_S}.grounding.here": (
        "Feel your feet on the floor and the weight of your body where you sit. You are here, "
        "now, and this moment is yours."
    ),
    f"{_S}.resources": (
        "If you would like to talk to someone, these services are free and confidential. "
        "They will listen and they will not pressure you into anything."
    ),
    f"{_S}.options": "Some options exist for you. Would you like to read about any of them?",
    f"{_S}.options.note": (
        "Each one is only an option. You can choose any, none, or come back to this later."
    ),
    f"{_S}.option.trusted": "Telling someone I trust",
    f"{_S}.option.hotlines": "Specialised support lines",
    f"{_S}.option.medical": "Medical care",
    f"{_S}.option.reporting": "Reporting",
    f"{_S}.more.trusted": (
        "Telling someone you trust, a friend, a family member, anyone who is kind to you, "
        "can ease the weight a little. You choose who, when, and how much you share."
    ),
    f"{_S}.more.hotlines": (
        "Specialised support lines talk with people after sexual violence every day, whether "
        "it happened last night or years ago. They will not judge you and will not tell you "
        "what to do. The numbers are in the list above, and in `afterword resources`."
    ),
    f"{_S}.more.medical": (
        "A doctor, a sexual health clinic or a specialist centre can check that you are "
        "physically okay, talk about emergency contraception and infections, and, only if you "
        "want, collect evidence. Some of these options depend on time, often within a few days, "
        "so it can help to ask early. You can go without deciding anything else."
    ),
    f"{_S}.more.reporting": (
        "Reporting to the police is your decision, now, later or never. A support line can "
        "talk the options through with you first, and in many places evidence can be kept "
        "while you decide."
    ),
    f"{_S}.write": "If you would like to, write anything here, in your own words.",
    f"{_S}.write.note": (
        "It is saved privately, encrypted on this machine, and only you can open it. "
        "You can also leave this empty."
    ),
    f"{_S}.needs": "What would help you feel a little safer or more cared for in the next days?",
    f"{_S}.close": (
        "Thank you for staying with this. What happened was not your fault. This is saved "
        "privately. You can come back here any time, from any screen, by typing \"support\"."
    ),
}

_C = "reflect.crisis"
_CRISIS = {
    f"{_C}.title": "Checking in",
    f"{_C}.checkin": (
        "Something you wrote makes me want to check in with you. Are you thinking about "
        "ending your life or hurting yourself? How safe are you right now?"
    ),
    f"{_C}.recheck": (
        "Last time we talked, things sounded hard. How are you doing today, and how safe are "
        "you right now?"
    ),
    f"{_C}.checkin.note": (
        "You can reach these people right now, day or night. Afterword never contacts "
        "anyone on its own."
    ),
    f"{_C}.option.not_safe": "I'm not safe right now",
    f"{_C}.option.struggling": "I'm struggling, but I'm safe for now",
    f"{_C}.option.okay": "No, I'm okay",
    f"{_C}.urgent": (
        "Thank you for telling me. Please reach out right now: call one of the numbers "
        "below, or your local emergency number, or go to the nearest emergency department. "
        "If you can, stay with someone or let someone know. You can come back here at any "
        "time."
    ),
    f"{_C}.plan_offer": (
        "Would you like to work on your safety plan? It is a short list, in your words, of "
        "what to do when things get this hard."
    ),
    f"{_C}.option.build": "Yes, let's work on it",
    f"{_C}.option.not_now": "Not now",
    f"{_C}.close": (
        "Thank you for staying with this. Your plan is saved here: `afterword safety-plan` "
        "shows it at any time. The numbers above are always in `afterword resources`. "
        "Type \"help\" at any prompt to come back here."
    ),
    f"{_C}.okay": (
        "Okay, thank you for telling me. If things change, type \"help\" at any prompt, and "
        "`afterword resources` lists people you can talk to. I'll check in again another time."
    ),
}

_PL = "reflect.plan"
_PLAN = {
    f"{_PL}.title": "Safety plan",
    f"{_PL}.intro": (
        "A safety plan is a short list, in your own words, for the moments when things get "
        "very hard. Fill in what you can; every part is optional and you can change it any time."
    ),
    f"{_PL}.warning_signs": "What are your warning signs that things are getting very hard?",
    f"{_PL}.warning_signs.note": "Thoughts, feelings, situations. For example: not sleeping.",
    f"{_PL}.coping": "What can you do on your own to get through a hard moment?",
    f"{_PL}.coping.note": "For example: a walk, a shower, music, a breathing exercise.",
    f"{_PL}.people_places": "Which people or places help you feel a bit better?",
    f"{_PL}.people_places.note": "Someone to be around, a café, a park, a friend's place.",
    f"{_PL}.people_help": "Who could you ask for help? (names and how to reach them)",
    f"{_PL}.people_help.note": "People you trust enough to tell that you are struggling.",
    f"{_PL}.professionals": "Which professionals or services could you contact?",
    f"{_PL}.professionals.note": "Your doctor, a therapist, a crisis line from the list.",
    f"{_PL}.safer_surroundings": "How could you make your surroundings safer?",
    f"{_PL}.safer_surroundings.note": (
        "For example: asking someone to keep medication or other things for you for a while."
    ),
    f"{_PL}.close": "Your safety plan is saved, encrypted, on this machine.",
}

_P = "reflect.partner"
_PARTNER = {
    f"{_P}.title": "Partner check",
    f"{_P}.intro": (
        "A few questions to think about before getting close to {person}. There are no "
        "scores and no verdicts here; only what you notice, and what you might want to talk "
        "about."
    ),
    f"{_P}.answer.yes": "Yes",
    f"{_P}.answer.not_yet": "Not yet",
    f"{_P}.answer.no": "No",
    f"{_P}.answer.not_sure": "I'm not sure",
    f"{_P}.q.safe_around": "Do you feel physically and emotionally safe around them?",
    f"{_P}.q.can_say_no": (
        "Could you say no, or change your mind, and trust that it would be fine?"
    ),
    f"{_P}.q.interest_in_you": "Are they interested in how you are, not only in being close?",
    f"{_P}.q.follow_through": "Do they do what they say they will do?",
    f"{_P}.q.said_out_loud": "Have you both said out loud what you each want from this?",
    f"{_P}.q.words_match_actions": "Do their words and their actions match?",
    f"{_P}.q.both_matter": "Does it feel as if you both matter equally here?",
    f"{_P}.q.time_beyond_closeness": "Do they make time for you beyond physical closeness?",
    f"{_P}.q.accepts_no": (
        "When you have said no or not yet to something, did they accept it the first time?"
    ),
    f"{_P}.q.asks_first": "Do they check in with you before things go further?",
    f"{_P}.signs": "Have you noticed any of these?",
    f"{_P}.signs.note": "Tick what you have seen. None of these is your fault.",
    f"{_P}.sign.asks_again_after_no": "They keep asking after I have said no",
    f"{_P}.sign.sulks_or_angry": "They sulk or get angry when I want to slow down",
    f"{_P}.sign.rushes": "Things move faster than I am comfortable with",
    f"{_P}.sign.owe_them": "They make me feel I owe them something",
    f"{_P}.sign.checks_on_you": "They check my phone or want to know where I am all the time",
    f"{_P}.sign.pulls_from_friends": "They pull me away from my friends or family",
    f"{_P}.sign.alcohol_to_ease": "They push drinks or drugs to make things \"easier\"",
    f"{_P}.sign.hot_and_cold": "They are warm one day and cold the next",
    f"{_P}.sign.secret": "They want to keep us a secret",
    f"{_P}.sign.jokes_at_you": "They make jokes at my expense and call me too sensitive",
    f"{_P}.sign.asks_again_after_no.prompt": (
        "A no that has to be said twice has not been heard. How would you want this to go?"
    ),
    f"{_P}.sign.sulks_or_angry.prompt": (
        "Slowing down is always allowed. Notice how you feel when you imagine saying it."
    ),
    f"{_P}.sign.rushes.prompt": "What pace would feel right to you, if it were only up to you?",
    f"{_P}.sign.owe_them.prompt": (
        "Closeness is never a debt. What would it be like to give only what you want to give?"
    ),
    f"{_P}.sign.checks_on_you.prompt": (
        "Checking on someone all the time is a form of control, even when it is called care."
    ),
    f"{_P}.sign.pulls_from_friends.prompt": (
        "The people who care about you are worth keeping close. What do they think of this?"
    ),
    f"{_P}.sign.alcohol_to_ease.prompt": (
        "Choices made clear-headed are your own. How do you feel about this when you are sober?"
    ),
    f"{_P}.sign.hot_and_cold.prompt": "What would steady, reliable warmth look like to you?",
    f"{_P}.sign.secret.prompt": "Who benefits from keeping it a secret? Is it you?",
    f"{_P}.sign.jokes_at_you.prompt": (
        "Your feelings are information, not oversensitivity. What would respect sound like?"
    ),
    f"{_P}.prompt.safe_around": "What would help you feel safer, and who could you talk to?",
    f"{_P}.prompt.can_say_no": (
        "Imagine saying no. What do you expect would happen? That expectation is worth noticing."
    ),
    f"{_P}.prompt.interest_in_you": "What would it look like for them to care about you?",
    f"{_P}.prompt.follow_through": "What have they promised, and what has happened?",
    f"{_P}.prompt.said_out_loud": (
        "You might wait until you have each said out loud what you want from this."
    ),
    f"{_P}.prompt.words_match_actions": "Where did the words and the actions part ways?",
    f"{_P}.prompt.both_matter": "What would it look like if you mattered here as much as they do?",
    f"{_P}.prompt.time_beyond_closeness": (
        "Is there room for the rest of you, beyond being close? What would you like?"
    ),
    f"{_P}.prompt.accepts_no": (
        "Notice what happened after your no. A no that is respected the first time is the floor."
    ),
    f"{_P}.prompt.asks_first": "How would you like them to check in with you?",
    f"{_P}.talk.safety": "\"I want to feel free to stop or slow down at any point. Is that okay?\"",
    f"{_P}.talk.care": "\"What does looking after each other mean to you?\"",
    f"{_P}.talk.honesty": "\"Can we each say honestly what we are looking for?\"",
    f"{_P}.talk.said_out_loud": (
        "\"Before we go further, I'd like us to say what we each want from this.\""
    ),
    f"{_P}.talk.mutual_value": "\"What do you want this to be, and what would you like from me?\"",
    f"{_P}.talk.respect_for_boundaries": (
        "\"When I say no or not yet, I need that to be the end of it. Can we agree on that?\""
    ),
    f"{_P}.notes": "Anything else you want to remember about this? (optional)",
    f"{_P}.close": (
        "Saved. This is not a verdict. It is what you noticed, kept next to your own "
        "boundaries, so you can decide in your own time."
    ),
}

_T = "reflect.trap"
_TRAPS = {
    f"{_T}.all_or_nothing": "All-or-nothing thinking",
    f"{_T}.overgeneralizing": "Overgeneralising",
    f"{_T}.labeling": "Labelling",
    f"{_T}.fortune_telling": "Fortune telling",
    f"{_T}.mind_reading": "Mind reading",
    f"{_T}.emotional_reasoning": "Emotional reasoning",
    f"{_T}.should_statements": "Should statements",
    f"{_T}.personalizing": "Personalising",
    f"{_T}.disqualifying_positive": "Disqualifying the positive",
    f"{_T}.catastrophizing": "Catastrophising",
    f"{_T}.comparing_despairing": "Comparing and despairing",
    f"{_T}.blaming": "Blaming",
    f"{_T}.negative_feeling": "Negative feeling or emotion",
}

_Q = "reflect.socratic"
_SOCRATIC = {
    f"{_Q}.all_or_nothing.1": "Is there anything in between the two extremes here?",
    f"{_Q}.all_or_nothing.2": "If a friend described this, would you see only black or white?",
    f"{_Q}.all_or_nothing.3": "What parts of this were mixed, partly one thing and partly another?",
    f"{_Q}.overgeneralizing.1": "Is this one experience, or truly every time?",
    f"{_Q}.overgeneralizing.2": "Can you think of a time that went differently?",
    f"{_Q}.overgeneralizing.3": "What would be a fairer word than \"always\" or \"never\" here?",
    f"{_Q}.labeling.1": "Does one experience define a whole person, you included?",
    f"{_Q}.labeling.2": "What would you call a friend who went through the same thing?",
    f"{_Q}.labeling.3": "What else is true about you besides this label?",
    f"{_Q}.fortune_telling.1": (
        "What do you actually know about the future here, and what is a guess?"
    ),
    f"{_Q}.fortune_telling.2": "What other ways could this turn out?",
    f"{_Q}.fortune_telling.3": "If the feared thing happened, what would help you cope?",
    f"{_Q}.mind_reading.1": "What do you know for sure about what they think?",
    f"{_Q}.mind_reading.2": (
        "What else might be going on in their head that has nothing to do with you?"
    ),
    f"{_Q}.mind_reading.3": "Does what they think change what you need now?",
    f"{_Q}.emotional_reasoning.1": (
        "The feeling is real. Is the conclusion it suggests also a fact?"
    ),
    f"{_Q}.emotional_reasoning.2": "What would you think about this on a calmer day?",
    f"{_Q}.emotional_reasoning.3": "What evidence is there apart from how it feels?",
    f"{_Q}.should_statements.1": "Who made this rule, and is it a fair one?",
    f"{_Q}.should_statements.2": (
        "What would change if you said \"I wish\" instead of \"I should\"?"
    ),
    f"{_Q}.should_statements.3": "Would you hold a friend to the same rule?",
    f"{_Q}.personalizing.1": "What parts of this were about them, not about you?",
    f"{_Q}.personalizing.2": "Who else and what else played a part?",
    f"{_Q}.personalizing.3": "What share of this would you give a friend in your place?",
    f"{_Q}.disqualifying_positive.1": "What went well, or what did you do that you respect?",
    f"{_Q}.disqualifying_positive.2": "Why might the good parts count as much as the hard ones?",
    f"{_Q}.disqualifying_positive.3": "What would someone who cares about you point out?",
    f"{_Q}.catastrophizing.1": "What is the most likely outcome, not the worst one?",
    f"{_Q}.catastrophizing.2": "How have you got through hard things before?",
    f"{_Q}.catastrophizing.3": "How might this look a year from now?",
    f"{_Q}.comparing_despairing.1": (
        "What do you really know of the lives you compare yourself with?"
    ),
    f"{_Q}.comparing_despairing.2": (
        "What would it mean to compare with yourself a year ago instead?"
    ),
    f"{_Q}.comparing_despairing.3": "What do you have that you would not trade?",
    f"{_Q}.blaming.1": "Which parts of this were in your hands, and which were not?",
    f"{_Q}.blaming.2": "Does holding the blame here help you get what you need now?",
    f"{_Q}.blaming.3": "What could you do next, whoever was responsible?",
    f"{_Q}.negative_feeling.1": "What is this feeling trying to tell you that you need?",
    f"{_Q}.negative_feeling.2": "Can the feeling be there without deciding everything?",
    f"{_Q}.negative_feeling.3": "What would be a kind thing to do for yourself while it lasts?",
}

_K = "reflect.card"
_CARDS = {
    f"{_K}.bonding.title": "Why attachment can follow even casual closeness",
    f"{_K}.bonding.body": (
        "During sex and touch, the brain releases chemicals such as oxytocin and dopamine, "
        "which are linked with bonding and reward. They can leave you feeling attached or "
        "longing for someone, even when you knew it was casual, and even with someone who did "
        "not treat you well. The pull you feel is a normal human response, not a sign that "
        "something is wrong with you, and it tends to fade with time and distance."
    ),
    f"{_K}.expectations.title": "Why unspoken expectations hurt",
    f"{_K}.expectations.body": (
        "When two people never say what they want, each fills the silence with their own "
        "hopes. The hurt afterwards often comes from that gap: what you hoped for was "
        "reasonable, it just was not shared or agreed. Saying out loud what you each want, "
        "before closeness, is one of the clearest ways to protect yourself from that gap."
    ),
    f"{_K}.rumination.title": "Why thoughts go round in circles, and what helps",
    f"{_K}.rumination.body": (
        "Going over and over why something happened can feel like problem-solving, but it "
        "usually keeps the hurt fresh without bringing an answer. What tends to help is "
        "moving from \"why\" to \"what now\": what you need, what one small step would be. "
        "Noticing the loop, naming it, and turning your attention to something concrete "
        "for a while also help."
    ),
    f"{_K}.regret_shame.title": "Regret and shame are not the same",
    f"{_K}.regret_shame.body": (
        "Regret is about a choice: \"I wish I had done that differently.\" Shame is about the "
        "self: \"I am worthless.\" Regret can point towards what matters to you; shame tends to "
        "make people hide and feel small. You can regret a choice and still be a person of "
        "full worth, deserving care."
    ),
    f"{_K}.consent.title": "What consent is",
    f"{_K}.consent.body": (
        "Consent is a free, informed yes to something specific, given by someone able to give "
        "it. It can be withdrawn at any moment, even partway through. Silence, freezing, "
        "being asleep, drunk or high, or being pressured is not consent. Agreeing to one "
        "thing is not agreeing to everything. Many people freeze when something feels wrong; "
        "that is the body protecting itself, and it never means yes."
    ),
}

_CLI = "reflect.cli"
_CLI_TEXT = {
    f"{_CLI}.hint": (
        "Type your answer. Words you can use at any prompt: \"back\" to go to the previous "
        "question, \"pause\" to save and stop, \"help\" if you are struggling, \"support\" if "
        "something happened that you did not want."
    ),
    f"{_CLI}.resumed": "Picking up where you left off.",
    f"{_CLI}.started": "Starting a new reflection. Take your time.",
    f"{_CLI}.paused": (
        "Saved. Come back any time with `afterword reflect --run {run}` to carry on where "
        "you left off."
    ),
    f"{_CLI}.done": "Finished and saved.",
    f"{_CLI}.check_later": (
        "What you wrote sounds very hard. The people above can help right now. When you are "
        "ready, `afterword reflect --run {run}` checks in with you and helps with a safety plan."
    ),
    f"{_CLI}.finished_already": (
        "This reflection is finished. To change an answer: `afterword reflect --run {run} "
        "--revise STEP` (for example consent, boundary or thought.balanced#0)."
    ),
    f"{_CLI}.choose": "Choose a number",
    f"{_CLI}.choose_many": "Choose numbers separated by commas, or press Enter to skip",
    f"{_CLI}.list_hint": "One per line; an empty line when you are done.",
    f"{_CLI}.list_keep": "Press Enter on an empty line to keep these: {items}",
    f"{_CLI}.skip_hint": "Press Enter to skip.",
    f"{_CLI}.continue": "Press Enter to continue.",
    f"{_CLI}.previous": "Your answer before: {value}",
    f"{_CLI}.scale": "A whole number from {low} to {high}",
    f"{_CLI}.invalid": "That did not fit: {reason}. Please try again.",
    f"{_CLI}.no_back": "This is the first question; there is nothing before it.",
    f"{_CLI}.suggested": "Found in your entries (Enter keeps them, or type your own):",
    f"{_CLI}.trap_line": "{n}. {name}, because of: \"{evidence}\"",
    f"{_CLI}.traps_choose": (
        "Numbers of the ones that fit, separated by commas (Enter: none of them fit)"
    ),
    f"{_CLI}.no_traps": "No thinking traps were suggested for this thought.",
    f"{_CLI}.plan_current": "In your plan now: {items}",
    f"{_CLI}.resources_title": "People you can reach",
    f"{_CLI}.resource_line": "{name}: {contact}{hours}",
    f"{_CLI}.resources_verified": (
        "Checked on {date}. Numbers can change; if one does not work, findahelpline.com lists "
        "others."
    ),
    f"{_CLI}.card": "{title}\n{body}",
    f"{_CLI}.no_card": "There is no explainer called {card}.",
    f"{_CLI}.help_hint": "Type \"help\" at any moment if you are struggling.",
    f"{_CLI}.no_episode": "There is no episode called {episode}.",
    f"{_CLI}.answers_bad": "The answers file could not be used: {reason}",
    f"{_CLI}.answers.unreadable": "cannot read {path}",
    f"{_CLI}.answers.not_json": "it is not valid JSON (line {line})",
    f"{_CLI}.answers.not_object": "the file must hold one JSON object",
    f"{_CLI}.answers.format": "unsupported format; expected {format}",
    f"{_CLI}.answers.unknown_field": "unknown field '{field}'",
    f"{_CLI}.answers.not_mapping": "'{name}' must be an object of step: answer",
    f"{_CLI}.answers.episode": "'episode' must be a name or a number",
    f"{_CLI}.answers.flow": "unknown flow; use reflection, survivor or safety_plan",
    f"{_CLI}.run_episode": " episode {id}",
    f"{_CLI}.history_line": "    {date} {action}: {text}",
    f"{_CLI}.action.created": "written",
    f"{_CLI}.action.edited": "edited",
    f"{_CLI}.action.retired": "retired",
    f"{_CLI}.action.reactivated": "brought back",
    f"{_CLI}.answers_waiting": (
        "The flow is waiting for an answer to step {step}; it is saved, so run it again "
        "with that answer, or interactively, to carry on."
    ),
    f"{_CLI}.boundaries_title": "Your boundaries",
    f"{_CLI}.boundaries_none": (
        "No boundaries yet. Add one with `afterword boundaries --add \"...\"`, or finish a "
        "reflection."
    ),
    f"{_CLI}.boundary_line": "[{id}] {text}{pillars}{origin}",
    f"{_CLI}.boundary_retired": "(retired)",
    f"{_CLI}.boundary_from_reflection": " (from a reflection)",
    f"{_CLI}.boundary_added": "Boundary {id} added.",
    f"{_CLI}.boundary_edited": "Boundary {id} changed; the earlier wording is kept in its history.",
    f"{_CLI}.boundary_retired_ok": "Boundary {id} retired. `--reactivate {id}` brings it back.",
    f"{_CLI}.boundary_reactivated": "Boundary {id} is active again.",
    f"{_CLI}.weights_title": "How much each pillar weighs for you (0 to 5)",
    f"{_CLI}.weight_line": "{pillar}: {weight}",
    f"{_CLI}.weights_saved": "Saved.",
    f"{_CLI}.bad_weight": "Write weights as PILLAR=NUMBER, for example safety=5.",
    f"{_CLI}.bad_edit": "Give the new wording with --to \"...\".",
    f"{_CLI}.check_title": "Partner check: {person}",
    f"{_CLI}.check_pillar": "{pillar} (weighs {weight} for you)",
    f"{_CLI}.check_answer": "  {question} {answer}",
    f"{_CLI}.check_sign": "  Noticed: {sign}",
    f"{_CLI}.check_boundary": "  Your boundary: {text}",
    f"{_CLI}.check_prompt": "  To consider: {text}",
    f"{_CLI}.check_talk": "  You could say: {text}",
    f"{_CLI}.check_general": "Your boundaries that apply everywhere:",
    f"{_CLI}.check_not_verdict": (
        "This is not a verdict and not a score. It is what you noticed, next to what you "
        "have decided for yourself."
    ),
    f"{_CLI}.check_history": "Earlier checks for {person}: {dates}",
    f"{_CLI}.plan_title": "Your safety plan",
    f"{_CLI}.plan_empty": (
        "Your safety plan is empty. Build it with `afterword safety-plan --edit`; every part "
        "is optional."
    ),
    f"{_CLI}.plan_section": "{title}",
    f"{_CLI}.plan_item": "  - {item}",
    f"{_CLI}.plan_updated": "Last changed {date}.",
    f"{_CLI}.resource_added": "Added to your resources.",
    f"{_CLI}.bad_locale": "Unknown region {locale}; showing the international list.",
    f"{_CLI}.list_runs_none": "No reflections yet.",
    f"{_CLI}.run_line": "[{id}] {flow} {status}{episode} updated {updated}",
    f"{_CLI}.status.active": "in progress",
    f"{_CLI}.status.completed": "finished",
    f"{_CLI}.revise_unknown": "There is no answered step {step} in this reflection.",
}

_INVALID = {
    "reflect.invalid.required": "an answer is needed here",
    "reflect.invalid.choice": "choose one of: {options}",
    "reflect.invalid.options": "choose among: {options}",
    "reflect.invalid.text": "this needs some text",
    "reflect.invalid.too_long": "it is longer than {limit} characters",
    "reflect.invalid.list": "this needs a list of short texts",
    "reflect.invalid.item_too_long": "an item is longer than {limit} characters",
    "reflect.invalid.too_many": "at most {limit} items",
    "reflect.invalid.scale": "a whole number from {low} to {high}",
    "reflect.invalid.traps": 'write it as {{"confirmed": [...], "rejected": [...]}}',
    "reflect.invalid.trap_label": "that is not one of the thinking trap labels",
    "reflect.invalid.trap_both": "a trap cannot be both confirmed and rejected",
    "reflect.invalid.trap_not_suggested": "only suggested traps can be rejected",
    "reflect.invalid.not_current": "the question waiting for an answer is {current}",
    "reflect.invalid.not_answered": "{step} is not an answered question of this flow",
    "reflect.invalid.finished": "this flow is already finished",
    "reflect.invalid.nothing_before": "there is no earlier question",
    "reflect.invalid.damaged": "the saved flow could not be read",
    "reflect.invalid.unknown_flow": "there is no such flow",
    "reflect.invalid.plan_section": "that is not a part of the safety plan",
    "reflect.invalid.boundary_empty": "a boundary needs some words",
    "reflect.invalid.pillar": "the pillars are: {pillars}",
    "reflect.invalid.weight": "the weight of {pillar} is a whole number from {low} to {high}",
    "reflect.invalid.resource": "a resource needs a name and a way to reach it",
    "reflect.invalid.reason": "That does not fit: {reason}.",
}

_SERVICE = {
    "reflect.error.no_run": "There is no reflection with that number.",
    "reflect.error.no_boundary": "There is no boundary with that number.",
    "reflect.error.no_person": "There is no person called {person} in your journal.",
    "reflect.error.finished": "This flow is already finished.",
    "reflect.error.answer": "That answer does not fit step {step}: {reason}",
}

MESSAGES: dict[str, str] = {
    **_PILLARS, **_REFLECTION, **_SURVIVOR, **_CRISIS, **_PLAN, **_PARTNER, **_TRAPS,
    **_SOCRATIC, **_CARDS, **_CLI_TEXT, **_INVALID, **_SERVICE,
}
