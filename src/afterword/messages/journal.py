"""User-facing text for the journal area. Keys start with "journal."."""

MESSAGES: dict[str, str] = {
    # --- errors (afterword.errors) -------------------------------------------------------------
    "journal.wrong_passphrase": (
        "That passphrase does not open this journal. Nothing was changed. Take your time and "
        "try again; if it is lost, the recovery key from `afterword init` can open it "
        "(`afterword passwd --recovery-key`)."
    ),
    "journal.wrong_recovery_key": (
        "That recovery key does not open this journal. Nothing was changed. Check it letter by "
        "letter; dashes and spaces do not matter."
    ),
    "journal.not_a_vault": (
        "This file is not an Afterword journal, or it is damaged, so it cannot be opened. "
        "Nothing was changed. If you have a backup, `afterword --journal BACKUP doctor` checks it."
    ),
    "journal.header_missing": (
        "The key file that belongs beside the journal is missing ({path}). Without it the "
        "journal cannot be opened. If you have a backup, its .keys.json file can be copied back."
    ),
    "journal.schema_too_new": (
        "This journal was last opened by a newer version of Afterword (schema {revision}). "
        "Please update Afterword to open it. Nothing was changed."
    ),
    "journal.missing": (
        "There is no journal at {path} yet. Run `afterword init` to create one, or pass "
        "--journal PATH to use another file."
    ),
    "journal.exists": (
        "A journal already exists at {path}, so nothing new was created. Use --journal PATH to "
        "create another one somewhere else."
    ),
    "journal.busy": (
        "The journal is busy with another write right now. Nothing was lost; please try again "
        "in a moment."
    ),
    # --- rule violations (domain) -----------------------------------------------------------
    "journal.naive_time": "The time for {field} needs a time zone.",
    "journal.bad_mood": "Mood is a whole number from {low} to {high}; {value!s} is outside that.",
    "journal.bad_tag": (
        "A tag is one word of letters, digits, - _ . or /, up to 64 characters; \"{value}\" "
        "does not fit."
    ),
    "journal.bad_alias": (
        "A person's name here is a short alias on one line, up to 64 characters; \"{value}\" "
        "does not fit."
    ),
    "journal.title_too_long": "A title can be up to {limit} characters.",
    "journal.bad_body": "An entry's text must be text.",
    "journal.bad_date": (
        "\"{value}\" is not a date Afterword understands. Use 2024-05-01 or 2024-05-01T21:30."
    ),
    "journal.empty_query": "Type at least one word to search for.",
    "journal.bad_episode_title": "An episode needs a name, up to {limit} characters.",
    "journal.episode_dates_reversed": "An episode cannot end before it starts.",
    "journal.bad_page": "Pages hold 1 to {limit} entries, and the offset cannot be negative.",
    "journal.no_entry": "There is no entry {id}.",
    "journal.no_episode": "There is no episode \"{ref}\". `afterword episodes` lists them.",
    "journal.episode_ambiguous": (
        "More than one episode is called \"{ref}\". Use its number instead (`afterword episodes`)."
    ),
    "journal.empty_passphrase": "The passphrase cannot be empty.",
    "journal.bad_recovery_key": (
        "That does not look like a recovery key. It has eight groups of four letters and digits, "
        "like ABCD-EFGH-..."
    ),
    "journal.backup_exists": "{path} already exists; choose a new name for the backup.",
    # --- import and export ----------------------------------------------------------------
    "journal.import_bad_field": "The import file has a problem at {field}: {problem}. Nothing was imported.",
    "journal.import_bad_utf8": (
        "The import file is not valid UTF-8 text (line {line}). Nothing was imported."
    ),
    "journal.import_bad_json": (
        "The import file is not valid JSON: {problem} at line {line}, column {column}. "
        "Nothing was imported."
    ),
    "journal.import_unknown_format": (
        "Afterword does not recognise this file. It reads Afterword JSON exports, jrnl JSON "
        "exports (`jrnl --export json`) and Day One JSON exports. Nothing was imported."
    ),
    "journal.import_too_big": (
        "The import file is {size} MB, more than the {limit} MB limit (setting "
        "AFTERWORD_IMPORT_MAX_MB). Nothing was imported."
    ),
    "journal.import_no_file": "There is no file to import at {path}.",
    "journal.md_heading": "# Afterword journal",
    "journal.md_mood": "mood {mood}",
    "journal.md_people": "with {people}",
    "journal.md_episode": "episode: {episode}",
}
