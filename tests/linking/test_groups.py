"""The union-find used for clusters and duplicate groups."""

from __future__ import annotations

from claimledger.linking.groups import UnionFind


def test_union_find_joins_transitively() -> None:
    uf: UnionFind[str] = UnionFind()
    assert uf.union("a", "b")
    assert uf.union("b", "c")
    assert not uf.union("a", "c")
    uf.add("d")
    assert sorted(sorted(g) for g in uf.groups()) == [["a", "b", "c"], ["d"]]


def test_union_find_find_adds_unknown_key() -> None:
    uf: UnionFind[int] = UnionFind()
    assert uf.find(5) == 5
    assert uf.groups() == [[5]]
