"""One error family, so callers can tell jixiao's own failures from bugs."""


class JixiaoError(Exception):
    """Base of every error jixiao raises on purpose; the message is one readable line."""


class ReadError(JixiaoError):
    """A file could not be read into a Document (empty, corrupt, encrypted, no text layer…)."""


class UnsupportedFormat(ReadError):
    """No reader handles this file's suffix."""
