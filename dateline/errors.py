"""A small exception hierarchy: fatal vs retryable, picklable across processes."""


class DatelineError(Exception):
    """Base class for errors dateline raises on purpose."""

    def __reduce__(self):
        return (self.__class__, self.args)


class TerminalError(DatelineError):
    """Retrying will not help (bad argument, unreadable input)."""


class TransientError(DatelineError):
    """May succeed if tried again (database busy, network)."""


class BadArgument(TerminalError):
    """A command-line or API argument is malformed."""


class ModelNotFound(TerminalError):
    """The configured spaCy pipeline is not installed."""


class RejectedInput(TerminalError):
    """One input that is not an article (empty, not English, too large, unreadable...).

    `rejected` is the `dateline.types.Rejected` record saying why; a batch yields that record
    in the input's place instead of raising.
    """

    def __init__(self, rejected):
        super().__init__(f"rejected {rejected.origin}: {rejected.reason}: {rejected.detail}")
        self.rejected = rejected

    def __reduce__(self):
        return (self.__class__, (self.rejected,))


class Unstorable(TerminalError):
    """The store refuses a record's values (text PostgreSQL cannot hold, a number too large):
    that article is rejected, the batch goes on."""
