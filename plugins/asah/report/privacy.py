"""What an aggregate report may show. No names or NIP (only with `--with-names`, in a table of
its own); a count of fewer than `min_group` learners (default 5, never below 3) is shown as
"< 5" rather than as the number, and a share or mean over fewer learners than that is not
shown at all; units with fewer learners are shown together as one row. Zero is shown: it
names no one."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MIN_GROUP = 5
LOWEST_MIN_GROUP = 3


@dataclass(frozen=True)
class Privacy:
    min_group: int = DEFAULT_MIN_GROUP
    with_names: bool = False

    def __post_init__(self) -> None:
        if self.min_group < LOWEST_MIN_GROUP:
            raise ValueError(self.min_group)

    def count(self, n: int) -> int | None:
        """`n`, or None when it must not be shown (1 to min_group − 1 learners)."""
        return None if 0 < n < self.min_group else n

    def enough(self, n: int) -> bool:
        """Whether a share or mean over `n` learners may be shown."""
        return n >= self.min_group
