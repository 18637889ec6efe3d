"""User-facing text for the analysis area. Keys start with "analysis."."""

MESSAGES: dict[str, str] = {
    "analysis.note.empty": "There was no text to read, so nothing was analysed.",
    "analysis.note.non_english": (
        "This looks like it is not written in English. Afterword's analysis only reads English "
        "for now, so it has not guessed at anything here."
    ),
    "analysis.note.unknown_language": (
        "This is very short, so the analysis may miss things."
    ),
    "analysis.note.survivor": (
        "Because this may describe something that happened without your full consent, "
        "Afterword does not look for thinking traps or frame it as a regret or a lesson. "
        "What happened was not your fault."
    ),
    "analysis.note.long": (
        "This is a long text. The safety check read all of it; the other parts looked at the "
        "first {sentences} sentences."
    ),
}

MESSAGES.update({
    "analysis.cli.no_text": (
        'Give the text to analyse, e.g. afterword analyze --json "TEXT", or pipe it in.'
    ),
    "analysis.cli.text_and_jsonl": "Give either a text or --jsonl, not both.",
    "analysis.cli.too_long": "That text is longer than {mb} MB, so it was not analysed.",
    "analysis.cli.binary": (
        "That input looks like a binary file, not text, so it was not analysed."
    ),
    "analysis.cli.not_utf8": (
        "That input is not valid UTF-8 text, so it was not analysed. "
        "Save it as UTF-8 and try again."
    ),
    "analysis.cli.no_file": "There is no file at {path}.",
    "analysis.cli.unreadable": "The file at {path} could not be read.",
    "analysis.jsonl.bad_line": "Line {line} was skipped: {problem}",
    "analysis.jsonl.not_utf8": "it is not valid UTF-8 text.",
    "analysis.jsonl.not_json": "it is not valid JSON.",
    "analysis.jsonl.not_object": 'it is not a JSON object like {{"id": 1, "text": "..."}}.',
    "analysis.jsonl.bad_id": '"id" must be a string, a whole number or null.',
    "analysis.jsonl.no_text": 'it has no "text" string.',
    "analysis.summary.crisis": (
        "Some of what you wrote sounds like you might be thinking about ending your life or "
        "hurting yourself. You deserve support right now. If you can, reach out to someone "
        "you trust, or to one of these:"
    ),
    "analysis.summary.nonconsent": (
        "Some of what you wrote sounds like something happened without your full consent. "
        "If so, it was not your fault. Support is there if you want it:"
    ),
    "analysis.summary.emotions": "Feelings that come through: {labels}.",
    "analysis.summary.themes": "What this seems to be about:",
    "analysis.summary.rumination": "Questions that seem to keep coming back:",
    "analysis.summary.traps": "Thoughts that might be worth a second look:",
    "analysis.summary.nothing": "Nothing in particular stood out in this text.",
    "analysis.summary.footer": (
        "This is a rough reading by a local program, not a judgement or a diagnosis. You know "
        "your own story best."
    ),
})
