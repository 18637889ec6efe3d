"""Typed errors. The CLI and the web app translate these into their own output.

Each error carries a stable ``code`` (used by the API's error envelope), a process exit code for
the CLI, and a message key from the catalogue. Messages never include entry text.
"""

from __future__ import annotations


class AfterwordError(Exception):
    code = "error"
    exit_code = 1
    http_status = 400
    message_key = "common.unexpected"

    def __init__(self, detail: str | None = None, **values: object) -> None:
        self.detail = detail
        self.values = values
        super().__init__(detail or self.code)

    def user_message(self) -> str:
        from afterword.messages import msg

        return msg(self.message_key, **self.values)


class SettingError(AfterwordError):
    code = "bad_setting"
    exit_code = 2
    message_key = "common.bad_setting"

    def user_message(self) -> str:
        return self.detail or self.code


class WrongPassphrase(AfterwordError):
    code = "wrong_passphrase"
    exit_code = 3
    http_status = 401
    message_key = "journal.wrong_passphrase"


class NotAVault(AfterwordError):
    """The file is not an Afterword journal, or it is damaged."""

    code = "not_a_vault"
    exit_code = 4
    http_status = 409
    message_key = "journal.not_a_vault"


class JournalMissing(AfterwordError):
    code = "journal_missing"
    exit_code = 5
    http_status = 404
    message_key = "journal.missing"


class JournalExists(AfterwordError):
    code = "journal_exists"
    exit_code = 5
    http_status = 409
    message_key = "journal.exists"


class Busy(AfterwordError):
    code = "busy"
    exit_code = 6
    http_status = 503
    message_key = "journal.busy"


class InvalidInput(AfterwordError):
    code = "invalid_input"
    exit_code = 7
    http_status = 422
    message_key = "common.invalid_input"

    def user_message(self) -> str:
        return self.detail or super().user_message()


class NotFound(AfterwordError):
    code = "not_found"
    exit_code = 8
    http_status = 404
    message_key = "common.not_found"

    def user_message(self) -> str:
        return self.detail or super().user_message()


class Locked(AfterwordError):
    code = "locked"
    exit_code = 9
    http_status = 401
    message_key = "common.locked"


class CsrfFailed(AfterwordError):
    """A state-changing request came without the page's CSRF token (web only)."""

    code = "csrf_failed"
    exit_code = 1
    http_status = 403
    message_key = "web.error.csrf_failed"


class HostNotAllowed(AfterwordError):
    """The request's Host is not this machine's local address (DNS-rebinding defence)."""

    code = "host_not_allowed"
    exit_code = 1
    http_status = 400
    message_key = "web.error.host_not_allowed"


class SchemaTooNew(NotAVault):
    """The journal was last opened by a newer Afterword; this one cannot read it safely."""

    code = "schema_too_new"
    message_key = "journal.schema_too_new"


class HeaderMissing(NotAVault):
    """The journal file is there but its key header (``*.keys.json``) is not."""

    code = "header_missing"
    message_key = "journal.header_missing"


class WrongRecoveryKey(WrongPassphrase):
    code = "wrong_recovery_key"
    message_key = "journal.wrong_recovery_key"


class TrapsWithheld(InvalidInput):
    """Feedback on a detection that is withheld for this entry (DESIGN §3: once something is
    known to have happened without full consent, its thoughts are not labelled as traps)."""

    code = "traps_withheld"
    http_status = 409
    message_key = "journal.feedback_withheld"


class TooManyAttempts(AfterwordError):
    """Unlocking pauses after several wrong passphrases in a row (web app); ``retry_after`` is
    how many seconds are left."""

    code = "too_many_attempts"
    exit_code = 1
    http_status = 429
    message_key = "web.error.too_many_attempts"

    def __init__(self, retry_after: int = 1) -> None:
        super().__init__(seconds=retry_after)
        self.retry_after = retry_after
