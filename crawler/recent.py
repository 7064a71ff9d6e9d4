"""A bounded memory of recently seen strings (links, mostly)."""

from __future__ import annotations


class RecentSet:
    """A set that forgets its oldest members: two generations of at most ``size`` each,
    so memory stays bounded however many members pass through it."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.current: set[str] = set()
        self.previous: set[str] = set()

    def __contains__(self, member: object) -> bool:
        return member in self.current or member in self.previous

    def add(self, member: str) -> None:
        if len(self.current) >= self.size:
            self.previous, self.current = self.current, set()
        self.current.add(member)
