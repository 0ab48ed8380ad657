"""A group of files written as one (``planner.filegroup``): what is left in the folder when a
previous file cannot be kept as ``NAME.bak``, and what an export that was killed left."""

from __future__ import annotations

import os

import pytest

from planner.errors import SaveError
from planner.filegroup import write_group

NAMES = ["A1 Ann Ash.pdf", "A2 Bo Birch.pdf", "A3 Cy Cole.pdf", "A4 Di Dunn.pdf"]


def _folder_with_old_files(tmp_path):
    folder = tmp_path / "hw"
    folder.mkdir()
    for name in NAMES:
        (folder / name).write_bytes(b"old " + name.encode())
        (folder / f"{name}.bak").write_bytes(b"older " + name.encode())
    return folder


def _hidden(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_a_bak_that_cannot_be_made_leaves_no_hidden_copy_and_the_others_are_kept(tmp_path):
    """A NAME.bak that was a folder stopped the group at that file: the other athletes'
    previous handouts stayed in the folder as hidden '.NAME.XXXXXXXX.old' files for good, and
    the message said the folder 'holds an earlier version'."""
    folder = _folder_with_old_files(tmp_path)
    (folder / "A1 Ann Ash.pdf.bak").unlink()
    (folder / "A1 Ann Ash.pdf.bak").mkdir()  # the first of the group: the others come after it
    files = {name: b"new " + name.encode() for name in NAMES}
    with pytest.raises(SaveError) as err:
        write_group(folder, files, keep=NAMES)
    text = str(err.value)
    assert text.startswith(f"{folder / 'A1 Ann Ash.pdf'}: written, but the previous file could "
                           f"not be kept as A1 Ann Ash.pdf.bak (a folder has that name; move or "
                           f"rename it) and was removed")
    assert "holds an earlier version" not in text and "the other 3 previous files are kept" in text
    assert _hidden(folder) == []
    assert all((folder / n).read_bytes() == files[n] for n in NAMES)
    assert all((folder / f"{n}.bak").read_bytes() == b"old " + n.encode() for n in NAMES[1:])
    assert (folder / "A1 Ann Ash.pdf.bak").is_dir()


def test_several_baks_that_cannot_be_made_are_each_named(tmp_path):
    folder = _folder_with_old_files(tmp_path)
    for name in NAMES[1:3]:
        (folder / f"{name}.bak").unlink()
        (folder / f"{name}.bak").mkdir()
    with pytest.raises(SaveError, match=r"every file is written, but 2 previous files could not "
                                        r"be kept as NAME.bak and were removed: A2 Bo Birch.pdf.bak "
                                        r"\(a folder .*A3 Cy Cole.pdf.bak \(a folder .*; the other "
                                        r"2 previous files are kept"):
        write_group(folder, {name: b"new" for name in NAMES}, keep=NAMES)
    assert _hidden(folder) == []


def test_a_killed_exports_old_copy_goes_once_its_new_file_is_in_place(tmp_path):
    """Killed after the new file took NAME's place: the old copy is removed at the next write
    (it was left for good: the clean-up matched '.tmp' only)."""
    folder = _folder_with_old_files(tmp_path)
    stale = folder / ".A2 Bo Birch.pdf.ab12cd34.old"
    stale.write_bytes(b"the handout before the killed export")
    other = folder / ".notes.txt.ab12cd34.old"  # no file of this group's: not its business
    other.write_bytes(b"x")
    write_group(folder, {name: b"new" for name in NAMES})
    assert _hidden(folder) == [other.name]


def test_a_killed_exports_only_copy_of_a_file_is_put_back_not_removed(tmp_path):
    """Killed before the new file took NAME's place: the old copy is the file's only copy; it is
    put back, nothing is written, and the next export keeps it as any file it replaces."""
    folder = _folder_with_old_files(tmp_path)
    (folder / "A3 Cy Cole.pdf").rename(folder / ".A3 Cy Cole.pdf.4oq_hbnx.old")
    files = {name: b"new" for name in NAMES}
    with pytest.raises(SaveError, match=r"A3 Cy Cole.pdf: an export that was stopped had left "
                                        r"the previous file of A3 Cy Cole.pdf aside; it is back in "
                                        r"place and nothing was written; export again"):
        write_group(folder, files, keep=NAMES)
    assert _hidden(folder) == []
    assert all((folder / n).read_bytes() == b"old " + n.encode() for n in NAMES)
    write_group(folder, files, keep=NAMES)
    assert (folder / "A3 Cy Cole.pdf.bak").read_bytes() == b"old A3 Cy Cole.pdf"


@pytest.mark.skipif(os.name != "posix", reason="flock")
def test_a_live_exports_old_copy_is_left_to_it(tmp_path):
    """Two exports into one folder at once: the second's clean-up leaves the first one's old
    copies (locked while it runs), whether or not NAME is there yet."""
    import fcntl

    folder = _folder_with_old_files(tmp_path)
    live = folder / ".A1 Ann Ash.pdf.ab12cd34.old"
    (folder / "A1 Ann Ash.pdf").rename(live)
    fd = os.open(live, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        write_group(folder, {"A1 Ann Ash.pdf": b"new"})
        assert live.read_bytes() == b"old A1 Ann Ash.pdf"
        assert (folder / "A1 Ann Ash.pdf").read_bytes() == b"new"
    finally:
        os.close(fd)


@pytest.mark.skipif(os.name != "posix", reason="flock")
def test_a_live_exports_own_old_copies_are_locked_while_it_runs(tmp_path, monkeypatch):
    """Another export's clean-up, run while this one puts its new files in place (each NAME
    missing for a moment), must not put an old copy back under it: the copy kept as NAME.bak
    would be the new file's."""
    from planner.filegroup import clean_stale_asides
    from planner.safefile import TempFile

    folder = _folder_with_old_files(tmp_path)
    real = TempFile.rename
    settled = []

    def meanwhile(self, dest):
        settled.append(clean_stale_asides(folder, dest.name))
        return real(self, dest)

    monkeypatch.setattr(TempFile, "rename", meanwhile)
    write_group(folder, {name: b"new" for name in NAMES}, keep=NAMES)
    assert settled == [False] * len(NAMES)
    assert all((folder / f"{n}.bak").read_bytes() == b"old " + n.encode() for n in NAMES)


def test_a_previous_file_that_cannot_be_put_back_is_named_with_where_it_is_kept(tmp_path,
                                                                                monkeypatch):
    """A group export whose third file could not be replaced rolls back; when putting the first
    one's previous file back failed too, the message still said "every file in … is as it was",
    while that file sat hidden as '.NAME.XXXXXXXX.old'. It now names the file and where it is
    kept, and the next export to the folder puts it back, as it says."""
    from pathlib import Path

    from planner.safefile import TempFile

    folder = _folder_with_old_files(tmp_path)
    real_rename, real_replace = TempFile.rename, os.replace

    def rename(self, dest):
        if Path(dest).name == NAMES[2]:
            raise PermissionError(13, "Permission denied")
        return real_rename(self, dest)

    def replace(src, dst, *a, **k):
        if str(src).endswith(".old") and Path(dst).name == NAMES[0]:  # the put-back of the first
            raise PermissionError(13, "Permission denied")
        return real_replace(src, dst, *a, **k)

    monkeypatch.setattr(TempFile, "rename", rename)
    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(SaveError) as err:
        write_group(folder, {name: b"new" for name in NAMES}, keep=NAMES)
    monkeypatch.undo()
    (hidden,) = _hidden(folder)
    assert hidden.startswith(f".{NAMES[0]}.") and hidden.endswith(".old")
    assert (folder / hidden).read_bytes() == b"old " + NAMES[0].encode()
    assert str(err.value) == (
        f"{folder / NAMES[2]}: could not be replaced (Permission denied); is it open in another "
        f"program or read-only?; every other file in {folder} is as it was, but the previous "
        f"{NAMES[0]} is kept as {hidden}; it is put back at the next export to this folder")
    assert "every file in" not in str(err.value)
    assert not (folder / NAMES[0]).exists()
    assert all((folder / n).read_bytes() == b"old " + n.encode() for n in NAMES[1:])
    # the next export to the folder puts it back (and asks for the export again)
    with pytest.raises(SaveError, match="back in place and nothing was written"):
        write_group(folder, {name: b"newer" for name in NAMES}, keep=NAMES)
    assert _hidden(folder) == []
    assert all((folder / n).read_bytes() == b"old " + n.encode() for n in NAMES)
