"""planner.memo.by_identity: results kept for the objects last asked about, by identity."""

from __future__ import annotations

from planner.memo import by_identity


class Thing:
    def __init__(self, n: int):
        self.n = n

    def __eq__(self, other):  # equal things are still told apart: identity decides
        return isinstance(other, Thing) and other.n == self.n

    __hash__ = None


def counted(**kw):
    calls = []

    @by_identity(**kw)
    def work(thing, derived=None, only=None):
        calls.append((thing, only))
        return [thing.n, only]

    return work, calls


def test_the_same_object_is_worked_out_once_an_equal_one_again():
    work, calls = counted(values=("only",))
    a, b = Thing(1), Thing(1)
    first = work(a)
    assert work(a) is first and work(a, "derived") is first  # the derived argument is not looked at
    assert len(calls) == 1
    assert work(b) == first and work(b) is not first  # equal, not the same: worked out again
    assert len(calls) == 2


def test_named_keyword_values_are_part_of_the_key():
    work, calls = counted(values=("only",))
    a = Thing(1)
    assert work(a, only="A1") == [1, "A1"]
    assert work(a, only="A2") == [1, "A2"]
    assert work(a, only="A1") == [1, "A1"] and len(calls) == 2
    assert work(a) == [1, None] and len(calls) == 3


def test_only_the_last_few_are_kept():
    work, calls = counted(size=2)
    a, b, c = Thing(1), Thing(2), Thing(3)
    work(a), work(b), work(c)  # a falls out
    work(c), work(b)
    assert len(calls) == 3
    work(a)
    assert len(calls) == 4


def test_several_keyed_arguments_all_count():
    calls = []

    @by_identity(keyed=2)
    def pair(x, y):
        calls.append(1)
        return (x.n, y.n)

    a, b = Thing(1), Thing(2)
    assert pair(a, b) == (1, 2) and pair(a, b) == (1, 2) and len(calls) == 1
    assert pair(a, Thing(2)) == (1, 2) and len(calls) == 2


def test_arguments_count_by_name_however_they_are_passed():
    """day_marks(s, None, "A1") then day_marks(s) gave the one athlete's marks for the squad:
    the key read ``only`` from the keywords alone."""
    work, calls = counted(values=("only",))
    a = Thing(1)
    assert work(a, None, "A1") == [1, "A1"]
    assert work(a) == [1, None] and len(calls) == 2
    assert work(a, only="A1") == [1, "A1"] and len(calls) == 2  # the same call, said otherwise
    pair_calls = []

    @by_identity(keyed=2)
    def pair(x, y=None):
        pair_calls.append(1)
        return (x.n, y.n if y is not None else None)

    b = Thing(2)
    assert pair(a) == (1, None)
    assert pair(a, y=b) == (1, 2) and len(pair_calls) == 2  # a keyed argument by keyword
    assert pair(a, b) == (1, 2) and len(pair_calls) == 2
