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
    "web.unlock.locked_notice": "The journal locked itself after a quiet while, to keep it private.",
    # serve
    "web.serve.listening": "Afterword is open at {url} (press Ctrl+C to stop).",
    "web.serve.not_local": (
        "Careful: binding to {host} can let other devices reach this port. Afterword still "
        "answers only requests addressed to this computer's own name."
    ),
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
    "web.hint.host_not_allowed": "Open it at http://127.0.0.1 with the port `afterword serve` shows.",
    "web.hint.csrf_failed": (
        "Browser pages send the X-CSRF-Token header or a csrf_token field; API clients use "
        "their bearer token."
    ),
    "web.hint.locked": "Unlock with POST /api/v1/session, then send 'Authorization: Bearer TOKEN'.",
    "web.hint.fields": "Check these fields: {fields}.",
    "web.hint.wrong_passphrase": "Passphrases are case-sensitive.",
    "web.http.404": "There is nothing at this address.",
    "web.http.405": "This address does not accept that kind of request.",
    "web.http.other": "That request could not be handled.",
}
