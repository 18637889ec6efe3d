"""User-facing text for the progress area. Keys start with "progress.".

Instrument wording is reproduced exactly as published (see docs/measures.md for sources and
licence notes); do not edit it for tone. Everything around it is ours and may be.
"""

_FREQ = {
    0: "Not at all",
    1: "Several days",
    2: "More than half the days",
    3: "Nearly every day",
}

MESSAGES: dict[str, str] = {
    # --- PHQ-9 (Kroenke, Spitzer & Williams 2001) ---------------------------------------------
    "progress.scale.phq9.title": "Patient Health Questionnaire (PHQ-9)",
    "progress.scale.phq9.about": "Nine questions about low mood over the last two weeks.",
    "progress.scale.phq9.instructions": (
        "Over the last 2 weeks, how often have you been bothered by any of the following "
        "problems?"
    ),
    "progress.scale.phq9.item.1": "Little interest or pleasure in doing things",
    "progress.scale.phq9.item.2": "Feeling down, depressed, or hopeless",
    "progress.scale.phq9.item.3": "Trouble falling or staying asleep, or sleeping too much",
    "progress.scale.phq9.item.4": "Feeling tired or having little energy",
    "progress.scale.phq9.item.5": "Poor appetite or overeating",
    "progress.scale.phq9.item.6": (
        "Feeling bad about yourself \u2014 or that you are a failure or have let yourself or "
        "your family down"
    ),
    "progress.scale.phq9.item.7": (
        "Trouble concentrating on things, such as reading the newspaper or watching television"
    ),
    "progress.scale.phq9.item.8": (
        "Moving or speaking so slowly that other people could have noticed? Or the opposite "
        "\u2014 being so fidgety or restless that you have been moving around a lot more than "
        "usual"
    ),
    "progress.scale.phq9.item.9": (
        "Thoughts that you would be better off dead or of hurting yourself in some way"
    ),
    **{f"progress.scale.phq9.option.{v}": t for v, t in _FREQ.items()},
    "progress.scale.phq9.band.minimal": "minimal (0\u20134)",
    "progress.scale.phq9.band.mild": "mild (5\u20139)",
    "progress.scale.phq9.band.moderate": "moderate (10\u201314)",
    "progress.scale.phq9.band.moderately_severe": "moderately severe (15\u201319)",
    "progress.scale.phq9.band.severe": "severe (20\u201327)",
    "progress.scale.phq9.credit": (
        "PHQ-9: developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and "
        "colleagues, with an educational grant from Pfizer Inc. No permission required to "
        "reproduce, translate, display or distribute."
    ),
    # --- GAD-7 (Spitzer, Kroenke, Williams & Löwe 2006) ---------------------------------------
    "progress.scale.gad7.title": "Generalized Anxiety Disorder scale (GAD-7)",
    "progress.scale.gad7.about": "Seven questions about worry and anxiety over the last two weeks.",
    "progress.scale.gad7.instructions": (
        "Over the last 2 weeks, how often have you been bothered by the following problems?"
    ),
    "progress.scale.gad7.item.1": "Feeling nervous, anxious, or on edge",
    "progress.scale.gad7.item.2": "Not being able to stop or control worrying",
    "progress.scale.gad7.item.3": "Worrying too much about different things",
    "progress.scale.gad7.item.4": "Trouble relaxing",
    "progress.scale.gad7.item.5": "Being so restless that it is hard to sit still",
    "progress.scale.gad7.item.6": "Becoming easily annoyed or irritable",
    "progress.scale.gad7.item.7": "Feeling afraid, as if something awful might happen",
    **{f"progress.scale.gad7.option.{v}": t for v, t in _FREQ.items()},
    "progress.scale.gad7.band.minimal": "minimal (0\u20134)",
    "progress.scale.gad7.band.mild": "mild (5\u20139)",
    "progress.scale.gad7.band.moderate": "moderate (10\u201314)",
    "progress.scale.gad7.band.severe": "severe (15\u201321)",
    "progress.scale.gad7.credit": (
        "GAD-7: developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and "
        "colleagues, with an educational grant from Pfizer Inc. No permission required to "
        "reproduce, translate, display or distribute."
    ),
    # --- Self-Compassion Scale, Short Form (Raes, Pommier, Neff & Van Gucht 2011) ------------
    "progress.scale.scssf.title": "Self-Compassion Scale \u2013 Short Form (SCS-SF)",
    "progress.scale.scssf.about": "Twelve statements about how you treat yourself in hard times.",
    "progress.scale.scssf.instructions": (
        "HOW I TYPICALLY ACT TOWARDS MYSELF IN DIFFICULT TIMES. Please read each statement "
        "carefully before answering. Indicate how often you behave in the stated manner, using "
        "the following scale: 1 = Almost never, 5 = Almost always."
    ),
    "progress.scale.scssf.item.1": (
        "When I fail at something important to me I become consumed by feelings of inadequacy."
    ),
    "progress.scale.scssf.item.2": (
        "I try to be understanding and patient towards those aspects of my personality I don't "
        "like."
    ),
    "progress.scale.scssf.item.3": (
        "When something painful happens I try to take a balanced view of the situation."
    ),
    "progress.scale.scssf.item.4": (
        "When I'm feeling down I tend to feel like most other people are probably happier than "
        "I am."
    ),
    "progress.scale.scssf.item.5": "I try to see my failings as part of the human condition.",
    "progress.scale.scssf.item.6": (
        "When I'm going through a very hard time, I give myself the caring and tenderness I "
        "need."
    ),
    "progress.scale.scssf.item.7": "When something upsets me I try to keep my emotions in balance.",
    "progress.scale.scssf.item.8": (
        "When I fail at something that's important to me, I tend to feel alone in my failure."
    ),
    "progress.scale.scssf.item.9": (
        "When I'm feeling down I tend to obsess and fixate on everything that's wrong."
    ),
    "progress.scale.scssf.item.10": (
        "When I feel inadequate in some way, I try to remind myself that feelings of "
        "inadequacy are shared by most people."
    ),
    "progress.scale.scssf.item.11": (
        "I'm disapproving and judgmental about my own flaws and inadequacies."
    ),
    "progress.scale.scssf.item.12": (
        "I'm intolerant and impatient towards those aspects of my personality I don't like."
    ),
    "progress.scale.scssf.option.1": "Almost never",
    "progress.scale.scssf.option.2": "2",
    "progress.scale.scssf.option.3": "3",
    "progress.scale.scssf.option.4": "4",
    "progress.scale.scssf.option.5": "Almost always",
    "progress.scale.scssf.credit": (
        "Self-Compassion Scale \u2013 Short Form: Raes, F., Pommier, E., Neff, K. D., & Van "
        "Gucht, D. (2011). Clinical Psychology & Psychotherapy, 18, 250\u2013255. Dr. Kristin "
        "Neff permits its use for any purpose without asking."
    ),
    "progress.scale.scssf.subscale.self_kindness": "Self-kindness",
    "progress.scale.scssf.subscale.self_judgment": "Self-judgment",
    "progress.scale.scssf.subscale.common_humanity": "Common humanity",
    "progress.scale.scssf.subscale.isolation": "Isolation",
    "progress.scale.scssf.subscale.mindfulness": "Mindfulness",
    "progress.scale.scssf.subscale.over_identified": "Over-identification",
    "progress.scale.scssf.higher_is_kinder": "Higher scores (1\u20135) mean more self-compassion.",
    # --- Taking a measure ----------------------------------------------------------------------
    "progress.measure.not_diagnosis": (
        "This questionnaire can help you notice change over time. It is not a diagnosis; only "
        "a professional who knows you can give one."
    ),
    "progress.measure.item_prompt": "{number}. {text}",
    "progress.measure.choose": "Your answer ({low}\u2013{high})",
    "progress.measure.saved": "Saved. Your {scale} score today: {total}{band}.",
    "progress.measure.band_suffix": " \u2014 {band}",
    "progress.measure.unknown_scale": (
        "There is no measure called \u201c{scale}\u201d. You can use: {choices}."
    ),
    "progress.measure.wrong_count": (
        "That measure has {expected} questions, and {got} answers were given."
    ),
    "progress.measure.out_of_range": (
        "The answer to question {item} needs to be a whole number from {low} to {high}."
    ),
    "progress.measure.not_whole_number": (
        "The answer to question {item} needs to be a whole number."
    ),
    "progress.measure.bad_schedule": (
        "A schedule needs a number of days from {low} to {high}."
    ),
    "progress.measure.bad_rating_name": (
        "A rating's name needs some letters or numbers, and at most 60 characters."
    ),
    "progress.measure.answers_file_missing": "The answers file could not be read: {path}",
    "progress.measure.history_empty": (
        "No measures taken yet. When you are ready: afterword measure take phq9"
    ),
    "progress.measure.history_header": "{scale}: your scores over time",
    "progress.measure.rci_improved": (
        "Reliable change since {since}: an improvement larger than measurement noise "
        "(RCI {rci})."
    ),
    "progress.measure.rci_worsened": (
        "Reliable change since {since}: things look harder than before, by more than "
        "measurement noise (RCI {rci}). That is worth being gentle with, and worth telling "
        "someone you trust or a professional."
    ),
    "progress.measure.rci_none": (
        "Since {since}, the change is within measurement noise (RCI {rci}); a change of at "
        "least {threshold} points would count as reliable."
    ),
    "progress.measure.rci_provisional": (
        "The norm used for this measure's reliable change has not been checked against the "
        "published paper yet; treat the RCI as a rough guide."
    ),
    "progress.measure.schedule_set": "I'll remind you to take {scale} every {days} days.",
    "progress.measure.schedule_cleared": "No schedule for {scale} any more.",
    "progress.measure.due": "{scale} is due (every {days} days).",
    "progress.measure.not_due": "{scale}: next due on {date}.",
    "progress.measure.no_schedules": (
        "No schedule set. Example: afterword measure schedule phq9 --every 14"
    ),
    # --- Crisis (PHQ-9 item 9) -----------------------------------------------------------------
    "progress.crisis.item9": (
        "You said you have had thoughts that you would be better off dead or of hurting "
        "yourself. Thank you for answering honestly. You don't have to carry this alone, and "
        "you deserve support right now."
    ),
    "progress.crisis.reach_out": (
        "If you might act on these thoughts, please contact emergency services or a crisis line "
        "now. Talking to someone you trust can help too."
    ),
    "progress.crisis.safety_plan": (
        "A safety plan can help on hard nights: run `afterword safety-plan`."
    ),
    "progress.crisis.resources_header": "People you can reach right now:",
    "progress.crisis.offer_check_in": (
        "Would you like a short, gentle check-in now? You can stop at any time"
    ),
    "progress.crisis.fallback_resources": (
        "If you are in immediate danger, call your local emergency number. You can find a "
        "crisis line in your country at findahelpline.com."
    ),
    # --- Home-made ratings ---------------------------------------------------------------------
    "progress.rating.not_validated": "not a validated measure",
    "progress.rating.not_validated_long": (
        "This is a personal rating, not a validated measure. It can show your own trend; it "
        "cannot be compared with anyone else's."
    ),
    "progress.rating.deserve_respect": (
        "How much do I feel I deserve respect today? (0 = not at all, 10 = completely)"
    ),
    "progress.rating.saved": "Saved {name}: {value}/10 ({not_validated}).",
    "progress.rating.custom": "{name} (0\u201310)",
    # --- Contact -------------------------------------------------------------------------------
    "progress.contact.kind.contact": "contact",
    "progress.contact.kind.checked_profile": "checked their profile",
    "progress.contact.logged": "Logged: {kind} with {person} on {date}.",
    "progress.contact.status": "{person}: {contact}; {profile}.",
    "progress.contact.since_contact": "{days} since contact",
    "progress.contact.no_contact": "no contact logged",
    "progress.contact.since_profile": "{days} since you checked their profile",
    "progress.contact.no_profile": "no profile checks logged",
    "progress.contact.days": "{n} days",
    "progress.contact.one_day": "1 day",
    "progress.contact.today": "0 days (today)",
    "progress.contact.never": "nothing logged",
    "progress.contact.none": (
        "No contact logged yet. Example: afterword contact log ALIAS (add --profile if you "
        "looked at their profile)."
    ),
    "progress.contact.note": (
        "Logging a slip is not failing. It is information, and you are still moving."
    ),
    "progress.contact.bad_kind": "Contact kind must be one of: {choices}.",
    "progress.contact.future_date": "That date is in the future.",
    "progress.contact.unknown_person": "No person called \u201c{person}\u201d in this journal.",
    # --- Trends --------------------------------------------------------------------------------
    "progress.trends.title": "Trends",
    "progress.trends.range": "From {start} to {end}",
    "progress.trends.mood": "Mood (weekly average, \u22122 to +2)",
    "progress.trends.emotions": "Emotions noticed most often",
    "progress.trends.themes": "Aftermath themes noticed most often",
    "progress.trends.traps": "Thinking traps: suggested and how you answered",
    "progress.trends.traps_columns": "trap | suggested | you agreed | you disagreed",
    "progress.trends.traps_note": (
        "Thinking traps are common patterns in everyone's thinking, not faults. Where you said "
        "something happened without your full consent, nothing there is counted as a trap."
    ),
    "progress.trends.rumination": "Questions that echo, per week",
    "progress.trends.beliefs": (
        "Belief in the hard thought, before and after a reframe (0\u2013100)"
    ),
    "progress.trends.beliefs_summary": (
        "Across {n} thought records: {before} before, {after} after, on average."
    ),
    "progress.trends.belief_before": "before",
    "progress.trends.belief_after": "after",
    "progress.trends.contact": "Days without contact",
    "progress.trends.measures": "Measure scores",
    "progress.trends.ratings": "Personal ratings (not validated measures)",
    "progress.trends.no_data": "Nothing to show here yet.",
    "progress.trends.source_missing": (
        "This part needs data that this journal does not hold yet ({source})."
    ),
    "progress.trends.bad_range": "The start date needs to come before the end date.",
    "progress.trends.bad_date": "Dates are written as YYYY-MM-DD, for example 2026-03-01.",
    # --- Patterns ------------------------------------------------------------------------------
    "progress.patterns.title": "Things that have happened more than once",
    "progress.patterns.intro": (
        "These are suggestions drawn from what you wrote, with the sentences behind them. They "
        "are not verdicts about you, and you may see it differently."
    ),
    "progress.patterns.none": (
        "No repeated dynamics found across your episodes. That can change as you write more."
    ),
    "progress.patterns.seen_in": "Seen in {n} episodes or people:",
    "progress.patterns.episode": "episode {id}",
    "progress.patterns.person": "with {person}",
    "progress.patterns.entry": "entry {id}, {date}",
    "progress.patterns.reflection_fact": "from your reflection",
    "progress.patterns.more": (
        "\u2026 and {n} more (all of them are in `afterword patterns --json`)."
    ),
    "progress.pattern.closeness_before_expectations.title": (
        "Closeness came before expectations were spoken"
    ),
    "progress.pattern.closeness_before_expectations.explain": (
        "More than once, you got close before either of you said what you hoped for. Unspoken "
        "expectations are a common source of hurt; naming them early protects you."
    ),
    "progress.pattern.same_pillar_missing.title": "The same pillar was missing again: {pillar}",
    "progress.pattern.same_pillar_missing.explain": (
        "In more than one episode you noticed {pillar} was missing. It may be one to check for "
        "early next time."
    ),
    "progress.pattern.hope_without_commitment.title": "Hope without commitment",
    "progress.pattern.hope_without_commitment.explain": (
        "More than once you hoped for more while they showed they would not commit. Hoping is "
        "human; their signals are worth believing too."
    ),
    "progress.pattern.disappearing_after_intimacy.title": "They disappeared after closeness",
    "progress.pattern.disappearing_after_intimacy.explain": (
        "More than one person went quiet after you were close. That says something about how "
        "they treat people, not about your worth."
    ),
    "progress.pattern.boundaries_crossed.title": "Your boundaries were crossed",
    "progress.pattern.boundaries_crossed.explain": (
        "More than once, someone did not respect a limit you had. That was their choice, not "
        "your fault. If any of it happened without your full consent, support is there for you."
    ),
    "progress.pillar.safety": "safety",
    "progress.pillar.care": "care",
    "progress.pillar.honesty": "honesty",
    "progress.pillar.mutual_value": "mutual value",
    "progress.pillar.respect_for_boundaries": "respect for boundaries",
    # --- Similar entries -----------------------------------------------------------------------
    "progress.similar.title": "You've written something like this before",
    "progress.similar.none": "Nothing similar found in earlier entries.",
    "progress.similar.item": "entry {id} ({date}), similarity {score}",
    "progress.similar.no_embeddings": (
        "Similar entries need the entries to have been analysed; none have been yet."
    ),
    "progress.similar.unknown_entry": "There is no entry {id} in this journal.",
    # --- Charts --------------------------------------------------------------------------------
    "progress.chart.text_alternative": "{title}. Values: {values}.",
    "progress.chart.no_value": "no data",
    "progress.chart.column_when": "Date",
    "progress.chart.column_value": "Value",
    "progress.chart.empty": "{title}: no data in this period.",
    # --- Report --------------------------------------------------------------------------------
    "progress.report.title": "Afterword \u2014 progress report",
    "progress.report.subtitle": "{start} to {end}. Made on {made}.",
    "progress.report.prepared_for": (
        "A personal summary, chosen and exported by the person who wrote it. It is not a "
        "clinical record and does not diagnose anything."
    ),
    "progress.report.not_encrypted": (
        "Careful: the report files are NOT encrypted. Anyone who can open them can read them. "
        "Keep them somewhere private and delete them when you no longer need them."
    ),
    "progress.report.written": "Report written: {path}",
    "progress.report.nothing_seen": (
        "Nothing to put in a report yet: by default it only holds what you have already looked "
        "at (run `afterword trends`, `afterword patterns` or `afterword measure history` first), "
        "or choose sections with --section."
    ),
    "progress.report.sections_used": "Sections: {sections}",
    "progress.report.ask_entries": (
        "Include the full text of {n} entries in the report? It will not be encrypted."
    ),
    "progress.report.entries_left_out": "Entry text left out.",
    "progress.report.unknown_section": (
        "Unknown section \u201c{section}\u201d. Choose from: {choices}."
    ),
    "progress.report.no_fpdf": (
        "The PDF needs the optional fpdf2 package (pip install 'afterword[report]'). The HTML "
        "report was written."
    ),
    "progress.report.exists": "{path} already exists. Use --overwrite to replace it.",
    "progress.report.bad_output": (
        "The report needs a file name ending in .html or .pdf, or a folder."
    ),
    "progress.report.section.measures": "Questionnaires",
    "progress.report.section.ratings": "Personal ratings",
    "progress.report.section.mood": "Mood",
    "progress.report.section.emotions": "Emotions",
    "progress.report.section.themes": "Themes",
    "progress.report.section.traps": "Thinking traps",
    "progress.report.section.rumination": "Questions that echo",
    "progress.report.section.beliefs": "Thought records",
    "progress.report.section.contact": "Contact",
    "progress.report.section.patterns": "Repeated dynamics",
    "progress.report.section.entries": "Entries",
    "progress.report.table_caption": "The numbers behind the chart",
    "progress.report.footer": (
        "Made with Afterword on this device. No data was sent anywhere to make it."
    ),
    "progress.report.measure_row": "{date}: {total}{band}",
    "progress.report.not_therapy": (
        "Afterword is a private journal and a set of reflection tools. It is not therapy."
    ),
}
