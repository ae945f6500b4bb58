import os

import pytest

from blocs.errors import BadOutput, OutputExists
from blocs.outfile import atomic_path, check_free, write_bytes


def test_an_existing_file_is_refused_and_kept(tmp_path):
    p = tmp_path / "out.png"
    p.write_bytes(b"old")
    with pytest.raises(OutputExists, match="--force"):
        write_bytes(p, b"new")
    assert p.read_bytes() == b"old"


def test_force_replaces_it_and_leaves_no_temporary_file(tmp_path):
    p = tmp_path / "out.png"
    p.write_bytes(b"old")
    write_bytes(p, b"new", force=True)
    assert p.read_bytes() == b"new" and os.listdir(tmp_path) == ["out.png"]


def test_a_missing_folder_is_named(tmp_path):
    with pytest.raises(BadOutput, match="does not exist"):
        check_free(tmp_path / "nowhere" / "out.png")


def test_a_failed_write_leaves_neither_file_nor_temporary(tmp_path):
    p = tmp_path / "out.csv"
    with pytest.raises(RuntimeError):
        with atomic_path(p) as tmp:
            tmp.write_text("half", encoding="utf-8")
            raise RuntimeError("the writer failed")
    assert os.listdir(tmp_path) == []
