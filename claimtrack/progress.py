"""A tiny progress hook: core stages report work done; the CLI shows bars, Prefect logs counts.

``Progress`` objects are created by a reporter factory; the default does nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol


class Progress(Protocol):
    def advance(self, n: int = 1) -> None: ...
    def close(self) -> None: ...


class _Null:
    def advance(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass


Factory = Callable[[str, int], Progress]
_factory: Factory = lambda description, total: _Null()  # noqa: E731


def set_reporter(factory: Factory | None) -> None:
    """Install a progress factory (``None`` restores the silent default)."""
    global _factory
    _factory = factory or (lambda description, total: _Null())


def start(description: str, total: int) -> Progress:
    return _factory(description, total)
