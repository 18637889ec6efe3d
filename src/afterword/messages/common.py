"""Text shared by every area. Keys start with "common."."""

MESSAGES: dict[str, str] = {
    "common.not_therapy": (
        "Afterword is a private journal and a set of reflection tools. It is not therapy and "
        "it cannot diagnose anything. If you are struggling, a professional can help."
    ),
    "common.interrupted": "Stopped. Nothing was changed.",
    "common.bad_setting": "A setting is not valid: {detail}",
    "common.invalid_input": "That input could not be used.",
    "common.not_found": "That could not be found.",
    "common.locked": "The journal is locked. Unlock it to go on.",
    "common.unexpected": (
        "Something went wrong inside Afterword. Your journal was not changed by this error. "
        "Run `afterword doctor` to check it."
    ),
}
