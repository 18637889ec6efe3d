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
    "journal.import_bad_field": (
        "The import file has a problem at {field}: {problem}. Nothing was imported."
    ),
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
    # --- CLI ------------------------------------------------------------------------------
    "journal.prompt_passphrase": "Passphrase",
    "journal.prompt_new_passphrase": "New passphrase",
    "journal.prompt_recovery_key": "Recovery key",
    "journal.passphrase_file_unreadable": "The passphrase file {path} could not be read.",
    "journal.created": (
        "Your journal is ready at {path}. It is encrypted; only your passphrase opens it."
    ),
    "journal.recovery_key_intro": (
        "Below is your recovery key. It is shown only this once. Write it down and keep it "
        "somewhere safe, away from this device: it opens the journal if the passphrase is lost."
    ),
    "journal.unlock_time": (
        "Unlocking takes about {seconds} s on this machine (Argon2id, {mib} MiB, {passes} passes)."
    ),
    "journal.saved": "Saved as entry {id}.",
    "journal.updated": "Entry {id} is updated.",
    "journal.deleted": "Entry {id} is deleted.",
    "journal.confirm_delete": "Delete entry {id} from {when} for good?",
    "journal.nothing_found": "No entries match.",
    "journal.no_tags": "No tags yet.",
    "journal.no_people": "No people yet. Add one with `afterword people --add ALIAS`.",
    "journal.no_episodes": "No episodes yet. Add one with `afterword episodes --add NAME`.",
    "journal.person_added": "{alias} is in your list of people.",
    "journal.episode_added": "Episode {id} \"{title}\" is added.",
    "journal.show_entry": "Entry {id}",
    "journal.bad_mood_filter": (
        "\"{value}\" is not a mood. Use a number from -2 to 2, or a range like -2..0."
    ),
    "journal.bad_export_format": "\"{value}\" is not an export format. Use json or markdown.",
    "journal.exported": "Exported {count} entries.",
    "journal.export_unencrypted": (
        "Note: an export is plain text, not encrypted. Keep it somewhere only you can reach, "
        "and delete it when you no longer need it."
    ),
    "journal.imported": (
        "Imported {count} entries from a {format} file; {skipped} were already in the journal."
    ),
    "journal.passphrase_changed": (
        "The passphrase is changed. Your recovery key still works as before."
    ),
    "journal.backed_up": (
        "Backup written to {path}, with its key file {header}. It opens with the same passphrase."
    ),
    "journal.doctor_report": (
        "journal        {path} ({size} MB)\n"
        "integrity      {integrity}; encryption check {cipher}; search index {fts}\n"
        "schema         {schema} (this version knows up to {head})\n"
        "key            {kdf}\n"
        "sqlcipher      {cipher_version}\n"
        "contents       {entries} entries, {tags} tags, {people} people, {episodes} episodes"
    ),
    "journal.doctor_ok": "Everything looks healthy.",
    "journal.doctor_bad": (
        "Something is not right with this journal. Make a copy of the file and its .keys.json "
        "before trying anything else; a recent backup is the safest way back."
    ),
    "journal.no_ram_dir": (
        "Afterword will not open an editor here: this system has no memory-only folder "
        "(like /dev/shm) for the draft, and a draft on disk could be recovered later. Give the "
        "text as an argument or on stdin instead."
    ),
    "journal.editor_failed": (
        "The editor ({editor}) did not finish normally, so nothing was saved. The draft has "
        "been removed."
    ),
    "journal.exit_codes_help": (
        "\b\nExit codes: 0 done; 1 stopped or unexpected error; 2 bad usage or setting; "
        "3 wrong passphrase or recovery key; 4 not an Afterword journal, or damaged; "
        "5 no journal there (run `afterword init`), or one already exists; 6 busy, try again; "
        "7 input that cannot be used; 8 not found; 9 locked; 130 interrupted.\n"
        "\b\nPassphrase: asked without echo. For scripts, AFTERWORD_PASSPHRASE or "
        "--passphrase-file; anyone who can read that variable or file can open the journal."
    ),
    "journal.bad_feedback_label": "A detector and label are needed, up to {limit} characters each.",
    "journal.bad_verdict": "A verdict is one of: {verdicts}.",
    "journal.feedback_withheld": (
        "This entry is kept without labels on your thoughts, so there is nothing here to mark. "
        "Nothing was changed."
    ),
}
