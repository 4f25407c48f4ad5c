"""Specific errors with messages a user can act on."""


class EventwireError(Exception):
    """Base class for eventwire errors."""


class RejectedInput(EventwireError):
    """Input that cannot become a document; the message is the one-line reason stored in `rejects`."""


class ModelNotInstalled(EventwireError):
    """The configured spaCy pipeline is not installed as a package."""


class NoInput(EventwireError):
    """The paths given to a run hold no file at all (an empty folder, a path that does not exist)."""


class BadDate(EventwireError):
    """A date given by the user (`run --date`) that is not a real calendar date in YYYY-MM-DD."""


class BadActorsFile(EventwireError):
    """A user's actors file (`--actors`) is missing or has a row that is not name, country, sector[, start, end]."""


class UnknownCountry(EventwireError):
    """A country given by the user (`--country`) that is no ISO 3166 code, country name or PLOVER code."""
