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


class Unstorable(TerminalError):
    """The store refuses a record's values (text PostgreSQL cannot hold, a number too large):
    that article is rejected, the batch goes on."""
