"""Errors a user can cause: each carries one sentence saying what is wrong and what to do."""


class ClaimtrackError(Exception):
    """A user-facing error. ``str(err)`` is the whole message shown by the CLI."""

    exit_code = 2


class ConfigError(ClaimtrackError):
    """The configuration file or an override is invalid."""


class SourceError(ClaimtrackError):
    """A source specification or location is unusable."""


class WarehouseLockedError(ClaimtrackError):
    """Another process holds the warehouse."""

    exit_code = 3
