"""What the season file on disk was when the app opened or saved it, to notice another program's
change before saving over it (issue 15, item 4: ``periodize solve FILE --save`` while the file is
open in the app).

A :class:`DiskStamp` is the file's modification time, size and a SHA-256 of its bytes. The file
counts as changed when its bytes differ; a new modification time over the same bytes (a copy, a
``touch``) is not a change.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass


@dataclass(frozen=True)
class DiskStamp:
    mtime_ns: int
    size: int
    digest: str

    @classmethod
    def of(cls, path: str | os.PathLike) -> DiskStamp | None:
        """The file's stamp now; None when it cannot be read (missing, a folder, no access)."""
        try:
            with open(path, "rb") as f:
                st = os.fstat(f.fileno())
                digest = hashlib.sha256(f.read()).hexdigest()
        except OSError:
            return None
        return cls(st.st_mtime_ns, st.st_size, digest)

    @classmethod
    def written(cls, path: str | os.PathLike, digest: str) -> DiskStamp:
        """The stamp of the bytes a save wrote (``digest``): the file's now when it holds them;
        when another program wrote over them at once, a stamp of the written bytes alone, so
        that the next look finds the file changed."""
        now = cls.of(path)
        if now is not None and now.digest == digest:
            return now
        return cls(0, -1, digest)

    def same_content(self, other: DiskStamp | None) -> bool:
        return other is not None and other.size == self.size and other.digest == self.digest

    @property
    def modified(self) -> dt.datetime:
        return dt.datetime.fromtimestamp(self.mtime_ns / 1e9)


def changed_on_disk(stamp: DiskStamp | None, path: str | os.PathLike) -> DiskStamp | None:
    """The file's stamp now when its bytes differ from ``stamp`` (None: unchanged, or nothing
    to compare: no stamp, or the file is gone)."""
    if stamp is None:
        return None
    now = DiskStamp.of(path)  # the bytes, even with the same time and size (a coarse clock)
    if now is None or stamp.same_content(now):
        return None
    return now
