"""User-facing text for the web area. Keys start with "web."."""

MESSAGES: dict[str, str] = {
    "web.brand": "Afterword",
    # navigation and frame
    "web.nav.skip": "Skip to content",
    "web.nav.label": "Main",
    "web.nav.write": "Write",
    "web.nav.timeline": "Timeline",
    "web.nav.search": "Search",
    "web.nav.episodes": "Episodes & people",
    "web.nav.reflect": "Reflect",
    "web.nav.boundaries": "Boundaries",
    "web.nav.progress": "Progress",
    "web.nav.support": "Support",
    "web.nav.settings": "Settings",
    "web.nav.lock": "Lock",
    "web.footer.help_now": "Need support right now?",
    "web.footer.quick_exit_hint": (
        "Quick exit: press Escape twice, or use the Quick exit button. The journal locks and a "
        "plain recipes page takes its place."
    ),
    "web.quick_exit.button": "Quick exit",
    "web.quick_exit.help": "Locks the journal and shows a neutral page (or press Escape twice)",
    # the neutral page shown after a quick exit: deliberately nothing to do with Afterword
    "web.away.title": "Simple weeknight recipes",
    "web.away.heading": "Simple weeknight recipes",
    "web.away.recipe1_title": "Tomato and lentil soup",
    "web.away.recipe1_body": (
        "Soften an onion in olive oil, add a tin of tomatoes, a cup of red lentils and a litre "
        "of stock. Simmer for twenty minutes, season, and blend if you like it smooth."
    ),
    "web.away.recipe2_title": "Lemon pasta",
    "web.away.recipe2_body": (
        "Cook spaghetti. Toss with butter, the zest and juice of a lemon, black pepper and a "
        "handful of grated cheese, loosened with a little of the cooking water."
    ),
    "web.away.recipe3_title": "Baked apples",
    "web.away.recipe3_body": (
        "Core four apples, fill them with oats, brown sugar and cinnamon, and bake at 180°C "
        "for thirty minutes."
    ),
    # create / unlock / recovery
    "web.create.title": "Start your journal",
    "web.create.intro": (
        "Everything you write stays on this computer, encrypted with a passphrase only you know. "
        "Choose one you can remember and that someone close to you could not guess."
    ),
    "web.create.passphrase": "Passphrase",
    "web.create.passphrase_help": "At least 8 characters. A few unrelated words work well.",
    "web.create.confirm": "Type it again",
    "web.create.submit": "Create my journal",
    "web.create.where": "Your journal will be kept in {path}.",
    "web.create.too_short": "Please use at least 8 characters.",
    "web.create.mismatch": "The two passphrases are not the same. Please type them again.",
    "web.recovery.title": "Your recovery key",
    "web.recovery.intro": (
        "If you ever forget your passphrase, this key is the only other way in. It is shown "
        "once, now."
    ),
    "web.recovery.keep": (
        "Write it down and keep it somewhere private, away from this computer. Without the "
        "passphrase or this key, nobody can open the journal, including us."
    ),
    "web.recovery.continue": "I have kept it. Start writing",
    "web.unlock.title": "Unlock your journal",
    "web.unlock.intro": "Your journal is locked. Enter your passphrase to open it.",
    "web.unlock.passphrase": "Passphrase",
    "web.unlock.submit": "Unlock",
    "web.unlock.forgot": "Forgot your passphrase? Use your recovery key",
    "web.recover.title": "Use your recovery key",
    "web.recover.intro": (
        "The recovery key was shown once, when the journal was made. With it you can choose a "
        "new passphrase; your entries stay as they are."
    ),
    "web.recover.key": "Recovery key",
    "web.recover.new": "New passphrase",
    "web.recover.submit": "Set the new passphrase and unlock",
    "web.unlock.locked_notice": (
        "The journal locked itself after a quiet while, to keep it private."
    ),
    # serve
    "web.serve.listening": "Afterword is open at {url} (press Ctrl+C to stop).",
    "web.serve.port_busy": (
        "Port {port} is already in use, perhaps by Afterword in another window. Open that "
        "one, or start this one with --port and another number."
    ),
    "web.serve.not_local": (
        "Careful: binding to {host} can let other devices reach this port. Afterword still "
        "answers only requests addressed to this computer's own name."
    ),
    # forms
    "web.form.optional": "(optional)",
    "web.form.not_a_number": "{field} needs to be a whole number.",
    "web.field.mood": "Mood",
    "web.field.episode": "Episode",
    "web.field.page": "Page",
    "web.mood.none": "Leave it out",
    "web.mood.m2": "Very low",
    "web.mood.m1": "Low",
    "web.mood.z": "In between",
    "web.mood.p1": "Okay",
    "web.mood.p2": "Good",
    # write / edit
    "web.write.page_title": "Write",
    "web.write.heading": "Write it down",
    "web.write.intro": (
        "There is no right way to do this. Write as much or as little as you like; it is "
        "saved as a draft, encrypted, while you type."
    ),
    "web.write.title_label": "Title",
    "web.write.body_label": "What is on your mind?",
    "web.write.body_help": "Only you can read this. Nothing leaves this computer.",
    "web.write.mood_label": "How are you feeling overall?",
    "web.write.tags_label": "Tags",
    "web.write.tags_help": "Words to find it by later, separated by commas.",
    "web.write.people_label": "About someone?",
    "web.write.people_help": "A name or nickname only you would recognise.",
    "web.write.episode_label": "Part of an episode",
    "web.write.no_episode": "None",
    "web.write.save": "Save entry",
    "web.write.empty": "There is nothing to save yet. Write a few words first.",
    "web.draft.saved": "Draft saved, encrypted.",
    "web.draft.restored": "Your unsaved draft is back, just as you left it.",
    "web.edit.page_title": "Edit entry",
    "web.edit.heading": "Edit this entry",
    "web.edit.save": "Save changes",
    "web.edit.cancel": "Cancel",
    "web.edit.delete_heading": "Delete this entry",
    "web.edit.delete_help": "Deleting removes it from the journal for good. This cannot be undone.",
    "web.edit.delete_confirm": "Yes, delete this entry",
    "web.edit.delete": "Delete entry",
    "web.edit.delete_unconfirmed": "Tick the box first if you want to delete this entry.",
    # timeline / search / filters
    "web.timeline.page_title": "Timeline",
    "web.timeline.heading": "Your timeline",
    "web.timeline.count": "{count} entries",
    "web.timeline.count_one": "1 entry",
    "web.timeline.untitled": "Entry of {day}",
    "web.timeline.empty": "Nothing here yet.",
    "web.timeline.write_first": "Write your first entry.",
    "web.filters.summary": "Filter",
    "web.filters.since": "From",
    "web.filters.until": "To",
    "web.filters.tag": "Tag",
    "web.filters.person": "Person",
    "web.filters.episode": "Episode",
    "web.filters.mood": "Mood",
    "web.filters.any": "Any",
    "web.filters.apply": "Show",
    "web.filters.clear": "Clear",
    "web.pager.label": "Pages",
    "web.pager.newer": "← Newer",
    "web.pager.older": "Older →",
    "web.pager.page": "Page {page}",
    "web.search.page_title": "Search",
    "web.search.heading": "Search your journal",
    "web.search.label": "Words to look for",
    "web.search.help": 'All words must match. Use "quotes" for a phrase and a * at the end for '
                       "word beginnings.",
    "web.search.submit": "Search",
    "web.search.none": "No entries match those words.",
    # entry view and analysis
    "web.entry.page_title": "Entry",
    "web.entry.mood": "Mood: {mood}",
    "web.entry.edit": "Edit or delete",
    "web.entry.analysis_heading": "What Afterword noticed",
    "web.entry.analysis_intro": (
        "These are suggestions from a program on this computer, not judgements about you. "
        "If one does not fit, say so and it will be set aside."
    ),
    "web.entry.not_analysed": "This entry has not been looked at yet.",
    "web.entry.nothing_noticed": "Nothing in particular stood out. That is fine too.",
    "web.entry.feelings": "Feelings that may be here",
    "web.entry.themes": "Themes",
    "web.entry.traps": "Thoughts that may be pulling you down",
    "web.entry.traps_intro": (
        "Everyone's mind takes these shortcuts, especially when hurting. Noticing one can "
        "loosen its grip a little."
    ),
    "web.entry.questions": "Questions that seem to echo",
    "web.entry.explainers": "Something that may help to know",
    "web.entry.questions_link": "Turn them into what you need now, in a reflection",
    "web.entry.survivor_heading": "What you wrote matters",
    "web.entry.survivor_body": (
        "Some of what you wrote may describe something that happened without your full "
        "consent. If it did, it was not your fault. You do not have to decide anything now."
    ),
    "web.entry.survivor_body_episode": (
        "This entry is part of something that may have happened without your full consent. "
        "If it did, it was not your fault, and Afterword does not look for thinking traps in "
        "what you wrote about it. You do not have to decide anything now."
    ),
    "web.entry.survivor_link": "Support for what happened",
    "web.entry.crisis_heading": "Are you safe right now?",
    "web.entry.crisis_body": (
        "Some of what you wrote sounds very heavy. If you are thinking about hurting yourself, "
        "you deserve support right now, and people are ready to listen."
    ),
    "web.entry.crisis_link": "See who you can reach now",
    "web.feedback.doesnt_fit": "This doesn't fit",
    "web.feedback.doesnt_fit_label": "{name}: this doesn't fit",
    "web.feedback.thanks_doesnt_fit": "Thanks. Set aside; it will not count in your patterns.",
    "web.feedback.thanks_confirmed": "Thanks. Noted as fitting.",
    "web.feedback.bad": "That feedback could not be understood.",
    # episodes and people
    "web.episodes.page_title": "Episodes and people",
    "web.episodes.heading": "Episodes and people",
    "web.episodes.intro": (
        "An episode gathers the entries about one encounter or relationship, so you can "
        "reflect on it as a whole. People are kept by a name only you would recognise."
    ),
    "web.episodes.list_heading": "Episodes",
    "web.episodes.none": "No episodes yet.",
    "web.episodes.from": "from {day}",
    "web.episodes.to": "to {day}",
    "web.episodes.entry_count": "{count} entries",
    "web.episodes.entry_count_one": "1 entry",
    "web.episodes.add_heading": "Start an episode",
    "web.episodes.title_label": "Name it",
    "web.episodes.title_help": (
        "Something short that means something to you, like \"After the party\"."
    ),
    "web.episodes.person_label": "With whom",
    "web.episodes.started_label": "Started",
    "web.episodes.ended_label": "Ended",
    "web.episodes.add": "Add episode",
    "web.episodes.bad_date": "Please give dates as year-month-day, like 2024-05-01.",
    "web.episodes.reflect": "Reflect on this episode",
    "web.episodes.all_entries": "All its entries",
    "web.episodes.recent_entries": "Entries",
    "web.episodes.no_entries": "No entries in this episode yet.",
    "web.people.heading": "People",
    "web.people.none": "Nobody yet. People are added when you name them in an entry.",
    "web.people.add_heading": "Add a person",
    "web.people.alias_label": "Name or nickname",
    "web.people.add": "Add person",
    "web.people.check_link": "Check in before getting close",
    # settings and exchange
    "web.settings.page_title": "Settings",
    "web.settings.heading": "Settings",
    "web.settings.saved": "Saved.",
    "web.settings.locale_label": "Where should support resources come from?",
    "web.settings.locale_help": (
        "Helplines for this place are shown first, then international ones."
    ),
    "web.settings.auto_lock_label": "Lock after this many quiet minutes",
    "web.settings.auto_lock_help": (
        "When nobody types, clicks or scrolls for this long, the journal locks itself and the "
        "page is cleared."
    ),
    "web.settings.save": "Save settings",
    "web.settings.bad_locale": "Please choose one of the places in the list.",
    "web.settings.bad_minutes": "Please choose between {low} and {high} minutes.",
    "web.settings.more_heading": "Your data",
    "web.settings.exchange_link": "Export or import entries",
    "web.settings.privacy_note": (
        "These settings are kept inside your encrypted journal. Nothing is sent anywhere."
    ),
    "web.field.auto_lock_minutes": "Minutes",
    "web.locale.US": "United States",
    "web.locale.UK": "United Kingdom",
    "web.locale.IE": "Ireland",
    "web.locale.CA": "Canada",
    "web.locale.AU": "Australia",
    "web.locale.INT": "Somewhere else (international)",
    "web.exchange.page_title": "Export and import",
    "web.exchange.heading": "Export and import",
    "web.exchange.export_heading": "Export",
    "web.exchange.export_warning": (
        "An export is not encrypted: anyone who opens the file can read it. Keep it somewhere "
        "private and delete it when you no longer need it."
    ),
    "web.exchange.format": "Format",
    "web.exchange.json": "Afterword JSON (complete, can be imported again)",
    "web.exchange.markdown": "Markdown (easy to read)",
    "web.exchange.export": "Download export",
    "web.exchange.import_heading": "Import",
    "web.exchange.import_help": (
        "Bring in entries from an Afterword export, jrnl (JSON) or Day One (JSON). Entries you "
        "already have are skipped."
    ),
    "web.exchange.file": "File to import",
    "web.exchange.fmt_auto": "Work it out from the file",
    "web.exchange.fmt_afterword": "Afterword JSON",
    "web.exchange.fmt_jrnl": "jrnl JSON",
    "web.exchange.fmt_dayone": "Day One JSON",
    "web.exchange.import": "Import",
    "web.exchange.imported": "Imported {imported} entries; {skipped} were already here.",
    "web.exchange.bad_format": "That format is not one Afterword knows.",
    "web.exchange.no_file": "Please choose a file to import.",
    "web.form.too_big": "That file is too big to import here (the limit is {limit} MB).",
    "web.form.unreadable": "The form could not be read. Please try again.",
    # reflection flows
    "web.reflect.page_title": "Reflect",
    "web.reflect.heading": "Reflect",
    "web.reflect.intro": (
        "A guided reflection walks through what happened, what you hoped for, how it felt, the "
        "questions that keep coming back, and what you want from now on. You can pause at any "
        "point; every answer is saved, encrypted, as you go."
    ),
    "web.reflect.episode_heading": "Reflect on an episode",
    "web.reflect.episode_label": "Which episode?",
    "web.reflect.no_episode": "Not tied to an episode",
    "web.reflect.begin": "Begin or continue",
    "web.reflect.other_heading": "Other paths",
    "web.reflect.survivor": "Something happened without my full consent",
    "web.reflect.safety_plan": "Build my safety plan",
    "web.reflect.partner_check": "Check in with yourself before getting close to someone",
    "web.reflect.runs_heading": "Your reflections",
    "web.reflect.status_active": "in progress",
    "web.reflect.status_completed": "finished",
    # browser wording of the few flow texts that name CLI commands (see web/flows_view.py)
    "web.flow.say.reflect.survivor.more.hotlines": (
        "Specialised support lines talk with people after sexual violence every day, whether "
        "it happened last night or years ago. They will not judge you and will not tell you "
        "what to do. The numbers are in the list below, and always under Support."
    ),
    "web.flow.say.reflect.crisis.close": (
        "Thank you for staying with this. Your plan is saved here, under Support, at any "
        "time, and so are the numbers below. The \"I need help now\" button brings you back "
        "here from any reflection."
    ),
    "web.flow.say.reflect.crisis.okay": (
        "Okay, thank you for telling me. If things change, the \"I need help now\" button and "
        "the Support page list people you can talk to. I'll check in again another time."
    ),
    "web.flow.position": "Step {position} of about {total}",
    "web.flow.continue": "Continue",
    "web.flow.back": "Back",
    "web.flow.help": "I need help now",
    "web.flow.survivor": "It was not my free choice",
    "web.flow.saved_as_you_go": (
        "Each answer is saved, encrypted, as soon as you continue. You can stop and come back."
    ),
    "web.flow.one_per_line": "One per line. Edit, remove or add as you like.",
    "web.flow.scale_range": "A whole number from {low} to {high}.",
    "web.flow.whole_number": "Please give a whole number.",
    "web.flow.unknown_step": "This step could not be understood.",
    "web.flow.unknown_flow": "That path is not one Afterword knows.",
    "web.flow.moved_on": (
        "This reflection has moved on since the page was loaded. Here is where it is now."
    ),
    "web.flow.no_traps": "Nothing was suggested for this thought. You can continue.",
    "web.flow.trap_fits": "This fits",
    "web.flow.trap_doesnt_fit": "This doesn't fit",
    "web.flow.in_crisis_check": (
        "Checking in with you. The reflection will be here when you are ready."
    ),
    "web.flow.survivor_opened_title": "We'll go a different way",
    "web.flow.survivor_opened": (
        "What you shared may mean part of this was not your free choice. If so, it was not "
        "your fault. The next steps are about support, at your pace."
    ),
    "web.flow.crisis_opened_title": "Checking in",
    "web.flow.crisis_opened": (
        "Something you wrote makes it worth pausing to check how you are. People you can "
        "reach right now are listed below."
    ),
    "web.flow.disputed": "Thank you for telling me. We'll go back to where you were.",
    "web.flow.done_heading": "You reached the end",
    "web.flow.done": "Thank you for taking this time. Everything is saved in your journal.",
    "web.flow.your_boundary": "Your boundary from now on",
    "web.flow.see_boundaries": "See all your boundaries",
    "web.flow.back_to_hub": "Back to reflections",
    # partner check
    "web.check.page_title": "Before getting close",
    "web.check.heading": "Before getting close to someone",
    "web.check.intro": (
        "A few questions about safety, care, honesty, mutual value and respect for "
        "boundaries, next to your own boundaries. It gives prompts to think about, never a "
        "verdict or a score."
    ),
    "web.check.person_label": "Who is it about?",
    "web.check.begin": "Begin the check",
    "web.check.no_person": "Please give a name or nickname.",
    "web.check.history_heading": "Earlier checks",
    "web.check.summary_heading": "What this brought up",
    "web.check.never_a_verdict": (
        "These are things to notice and talk about. Only you can decide what is right for you."
    ),
    "web.check.your_boundaries": "Your boundaries that apply:",
    "web.check.to_notice": "Worth noticing:",
    "web.check.conversations": "Conversations you could have:",
    "web.check.general_boundaries": "Your other boundaries",
    # support
    "web.support.page_title": "Support",
    "web.support.heading": "Support",
    "web.support.intro": (
        "Whatever brought you here, you do not have to handle it alone. Everything on these "
        "pages works offline; Afterword never contacts anyone for you."
    ),
    "web.support.crisis_heading": "If things feel unsafe",
    "web.support.crisis_body": "If you are thinking about ending your life or hurting yourself.",
    "web.support.crisis_link": "Get support now",
    "web.support.survivor_heading": "If it was not your choice",
    "web.support.survivor_body": "If something happened without your full consent.",
    "web.support.survivor_link": "Support for what happened",
    "web.support.plan_heading": "Your safety plan",
    "web.support.plan_body": "A short list, in your own words, for the hardest moments.",
    "web.support.plan_link": "Open my safety plan",
    "web.support.resources_heading": "People you can reach",
    "web.support.resources_body": "Helplines for where you live, and your own contacts.",
    "web.support.resources_link": "See all resources",
    "web.crisis.page_title": "Are you safe right now?",
    "web.crisis.heading": "Are you safe right now?",
    "web.crisis.intro": (
        "If you are thinking about ending your life or hurting yourself, please reach out now. "
        "These people are there for exactly this, day or night. If you are in immediate "
        "danger, call your local emergency number."
    ),
    "web.crisis.talk_heading": "Take a moment here",
    "web.crisis.talk_body": "A few gentle questions, and your safety plan if you want it.",
    "web.crisis.talk": "Check in with me",
    "web.survivor.page_title": "Support for what happened",
    "web.survivor.heading": "Support for what happened",
    "web.survivor.begin_heading": "At your own pace",
    "web.survivor.begin_body": (
        "A short, gentle path: a grounding exercise if you want one, the options that exist, "
        "and a private place to write. You can stop at any point."
    ),
    "web.survivor.begin": "Begin",
    "web.plan.page_title": "Safety plan",
    "web.plan.intro": (
        "Your plan for the hardest moments, after the Safety Planning Intervention (Stanley & "
        "Brown). It stays encrypted on this computer."
    ),
    "web.plan.heading": "Your plan",
    "web.plan.empty": "Your plan is empty so far.",
    "web.plan.build": "Build my plan",
    "web.plan.update": "Update my plan",
    "web.plan.section.warning_signs": "My warning signs",
    "web.plan.section.coping": "Things I can do on my own",
    "web.plan.section.people_places": "People and places that help",
    "web.plan.section.people_help": "People I can ask for help",
    "web.plan.section.professionals": "Professionals and services",
    "web.plan.section.safer_surroundings": "Making my surroundings safer",
    "web.resources.page_title": "People you can reach",
    "web.resources.heading": "People you can reach now",
    "web.resources.intro": "Showing resources for {place} first, then international ones.",
    "web.resources.change_place": "Change the place",
    "web.resources.own": "Added by you",
    "web.resources.verified": "Last checked {day}",
    "web.resources.never_contacts": (
        "Afterword never contacts anyone on its own. You choose whether to reach out."
    ),
    "web.resources.add_heading": "Add your own",
    "web.resources.add_help": "Someone you trust, your therapist, a local service. Kept encrypted.",
    "web.resources.name": "Name",
    "web.resources.contact": "How to reach them",
    "web.resources.about": "A note",
    "web.resources.add": "Add",
    # boundaries
    "web.boundaries.page_title": "Boundaries",
    "web.boundaries.heading": "Your boundaries and values",
    "web.boundaries.intro": (
        "What you want from now on, in your own words. Boundaries from your reflections land "
        "here; you can add, change or set any aside, and their history is kept."
    ),
    "web.boundaries.active": "Your boundaries",
    "web.boundaries.none": "None yet. They can come from a reflection, or you can write one here.",
    "web.boundaries.from_reflection": "From a reflection",
    "web.boundaries.from_you": "Written here",
    "web.boundaries.change": "Change",
    "web.boundaries.text": "Boundary",
    "web.boundaries.text_help": (
        "For example: \"I will ask what we both want before getting close.\""
    ),
    "web.boundaries.pillars": "Which pillars does it protect?",
    "web.boundaries.save": "Save",
    "web.boundaries.retire": "Set aside",
    "web.boundaries.reactivate": "Bring back",
    "web.boundaries.history": "History",
    "web.boundaries.action.created": "written",
    "web.boundaries.action.edited": "changed",
    "web.boundaries.action.retired": "set aside",
    "web.boundaries.action.reactivated": "brought back",
    "web.boundaries.add_heading": "Add a boundary",
    "web.boundaries.add": "Add boundary",
    "web.boundaries.retired": "Set aside",
    "web.boundaries.weights_heading": "What matters most to you",
    "web.boundaries.weights_help": (
        "How much each pillar matters to you, from {low} to {high}. This only orders what the "
        "partner check shows first; it is never a score."
    ),
    "web.boundaries.save_weights": "Save",
    "web.boundaries.bad_action": "That change could not be understood.",
    "web.field.weight": "Weight",
    # analysis labels as people read them (traps are named in the reflect catalogue)
    "web.label.themes.feeling_used": "Feeling used",
    "web.label.themes.emptiness": "Emptiness",
    "web.label.themes.loneliness": "Loneliness",
    "web.label.themes.regret": "Regret",
    "web.label.themes.self_worth_doubt": "Doubting your worth",
    "web.label.themes.expectation_mismatch": "Hopes and reality not matching",
    "web.label.themes.longing_after_bonding": "Longing after closeness",
    "web.label.themes.boundary_crossed": "A boundary crossed",
    "web.label.themes.disrespect": "Being disrespected",
    "web.label.themes.shame": "Shame",
    "web.label.themes.growth": "Growth",
    "web.label.themes.self_respect": "Self-respect",
    "web.label.themes.hope": "Hope",
    # progress
    "web.progress.page_title": "Progress",
    "web.progress.heading": "How things have been",
    "web.progress.intro": (
        "Patterns over time, drawn from your entries, reflections and questionnaires. They "
        "are a mirror, not a grade. Every chart has its numbers in a table below it."
    ),
    "web.progress.numbers": "Show the numbers",
    "web.progress.nothing_yet": "Nothing to show here yet.",
    "web.progress.measures_link": "Questionnaires",
    "web.progress.contact_heading": "Log contact",
    "web.progress.contact_person": "With whom",
    "web.progress.contact_kind": "What happened",
    "web.progress.contact_on": "On (leave empty for today)",
    "web.progress.contact_log": "Log it",
    "web.progress.contact_done": "Logged for {person} on {day}.",
    "web.measures.page_title": "Questionnaires",
    "web.measures.heading": "Questionnaires",
    "web.measures.take": "Take {scale}",
    "web.measures.save": "Save my answers",
    "web.measures.back": "Back to questionnaires",
    "web.measures.schedule_link": "Choose how often to take them",
    "web.schedule.page_title": "How often to take a questionnaire",
    "web.schedule.heading": "How often to take a questionnaire",
    "web.schedule.intro": (
        "If it helps, choose how many days apart to take each one. Afterword only shows what "
        "is due when you open it here; it never sends anything, and you can skip any time."
    ),
    "web.schedule.current": "Every {days} days.",
    "web.schedule.none": "No schedule for {scale}.",
    "web.schedule.every_label": "Take {scale} every how many days?",
    "web.schedule.every_hint": "A whole number from 1 to 365, for example 14.",
    "web.schedule.save": "Save the schedule for {scale}",
    "web.schedule.off": "Stop the schedule for {scale}",
    "web.schedule.bad_action": "That change could not be understood.",
    "web.measure.missing": "Please answer every question (still open: {items}).",
    "web.similar.heading": "You've written something like this before",
    # API
    "web.api.body_null": "An entry's body cannot be empty.",
    "web.api.not_analysed": "This entry has no analysis yet.",
    "web.api.episode_only_reflection": "Only a reflection belongs to an episode.",
    "web.api.unknown_pillar": (
        "Pillars are safety, care, honesty, mutual_value and respect_for_boundaries."
    ),
    "web.api.not_a_check": "That run is not a partner check.",
    # errors
    "web.error.title": "Something got in the way",
    "web.error.home": "Back to the start",
    "web.error.unexpected": (
        "Something went wrong inside Afterword. Nothing you wrote was sent anywhere, and your "
        "journal was not changed by this error."
    ),
    "web.error.csrf_failed": (
        "This request could not be checked, so nothing was changed. Reload the page and try "
        "again."
    ),
    "web.error.host_not_allowed": (
        "Afterword only answers on this computer's own address."
    ),
    "web.hint.host_not_allowed": (
        "Open it at http://127.0.0.1 with the port `afterword serve` shows."
    ),
    "web.hint.csrf_failed": (
        "Browser pages send the X-CSRF-Token header or a csrf_token field; API clients use "
        "their bearer token."
    ),
    "web.hint.locked": "Unlock with POST /api/v1/session, then send 'Authorization: Bearer TOKEN'.",
    "web.hint.fields": "Check these fields: {fields}.",
    "web.hint.wrong_passphrase": "Passphrases are case-sensitive.",
    "web.error.too_many_attempts": (
        "To keep your journal safe, unlocking pauses for a moment after several tries in a row. "
        "You can try again in {seconds} s."
    ),
    "web.hint.too_many_attempts": (
        "Passphrases are case-sensitive. If yours is lost, the recovery key can set a new one."
    ),
    "web.hint.traps_withheld": "Nothing needs doing; your entry is saved as you wrote it.",
    "web.http.404": "There is nothing at this address.",
    "web.http.405": "This address does not accept that kind of request.",
    "web.http.other": "That request could not be handled.",
}
