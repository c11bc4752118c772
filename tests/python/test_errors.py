"""Each error the engine can raise arrives as its talash exception, with the C++ message, and as
the built-in kind a Python program would catch."""

import os
import subprocess

import pytest

import talash
from conftest import env_path


def test_the_tree():
    assert issubclass(talash.Error, RuntimeError)
    assert issubclass(talash.QueryError, talash.UsageError)
    assert issubclass(talash.UsageError, ValueError)
    assert issubclass(talash.IoError, OSError)
    for cls in (talash.DatabaseNotFoundError, talash.DatabaseLockError,
                talash.DatabaseCorruptError, talash.VersionMismatchError):
        assert issubclass(cls, talash.DatabaseError)
        assert issubclass(cls, talash.Error)
    assert issubclass(talash.DatabaseNotFoundError, FileNotFoundError)


@pytest.mark.parametrize("query,message", [
    ("", "no words"),
    ("   ", "no words"),
    ("-Enver", "only excludes"),
    ("lang:xx Enver", "xx"),
])
def test_bad_queries_raise_query_error(index, query, message):
    with pytest.raises(talash.QueryError, match=message):
        talash.Searcher(index).search(query)


def test_a_query_that_is_not_ok_raises_query_error_with_its_reason(index):
    q = talash.Query.all_of([])
    assert not q.ok
    with pytest.raises(talash.QueryError) as e:
        talash.Searcher(index).search(q)
    assert str(e.value) == q.error


@pytest.mark.parametrize("options", [
    {"limit": -1}, {"offset": -5}, {"per_doc": -1}, {"context": -1}, {"sort": "date"},
    {"time_limit": -1.0},
])
def test_bad_options_raise_usage_error_naming_them(index, options):
    [name] = options
    with pytest.raises(talash.UsageError, match=name):
        talash.Searcher(index).search("Enver", **options)


def test_an_unknown_language_option_is_a_query_error(index):
    with pytest.raises(talash.QueryError, match="unknown language"):
        talash.Searcher(index).search("Enver", lang="de")


def test_a_missing_index(tmp_path):
    missing = str(tmp_path / "none")
    with pytest.raises(talash.DatabaseNotFoundError, match="none"):
        talash.Searcher(missing)
    with pytest.raises(FileNotFoundError):
        talash.Searcher(missing)


def test_a_second_writer_is_refused_until_the_first_closes(tmp_path):
    path = str(tmp_path / "ix")
    first = talash.IndexWriter(path)
    with pytest.raises(talash.DatabaseLockError, match="ix"):
        talash.IndexWriter(path)
    first.close()
    with talash.IndexWriter(path) as second:
        second.add("a.txt", "Bukhara")


def test_a_damaged_index(index):
    with open(os.path.join(index, "XAPIANDB"), "w") as f:
        f.write("not a stub\n")
    with pytest.raises(talash.DatabaseCorruptError, match="damaged"):
        talash.Searcher(index)


def test_an_index_of_another_analysis_version(index):
    subprocess.run([str(env_path("TALASH_SET_METADATA")), index, "talash.analysis_version", "0"],
                   check=True)
    with pytest.raises(talash.VersionMismatchError, match="version"):
        talash.Searcher(index)
    with pytest.raises(talash.VersionMismatchError):
        talash.IndexWriter(index)
    # A rebuild is the way out.
    with talash.IndexWriter(index, rebuild=True) as w:
        w.add("a.txt", "Khiva")
    assert len(talash.Searcher(index).search("Khiva")) == 1


def test_a_path_that_cannot_hold_an_index_is_an_io_error(tmp_path):
    # A file is in the way: the index directory cannot be made.
    path = tmp_path / "file"
    path.write_text("x")
    for where in (path, path / "sub"):
        with pytest.raises(talash.IoError, match="Not a directory") as e:
            talash.IndexWriter(str(where))
        assert str(where) in str(e.value)
        assert isinstance(e.value, OSError)


def test_closed_objects_refuse_work(index):
    w = talash.IndexWriter(index)
    w.close()
    w.close()  # closing twice is harmless
    with pytest.raises(talash.UsageError, match="closed"):
        w.add("a.txt", "x")
    w = talash.IndexWriter(index)
    w.rollback()
    with pytest.raises(talash.UsageError, match="closed"):
        w.commit()
    with talash.Searcher(index) as s:
        assert len(s.search("Enver")) > 0
    with pytest.raises(talash.UsageError, match="closed"):
        s.search("Enver")


def test_bad_arguments(index):
    with pytest.raises(talash.UsageError, match="passage_chars"):
        talash.IndexWriter(index, passage_chars=0)
    with pytest.raises(talash.UsageError, match="threads"):
        talash.IndexWriter(index, threads=-2)
    with talash.IndexWriter(index) as w:
        with pytest.raises(talash.UsageError, match="path"):
            w.add("", "text without a name")
    with pytest.raises(TypeError):
        talash.Searcher(index).search(42)


@pytest.mark.parametrize("query,position,length", [
    ("Herat title:y", 6, 6),
    ("انور lang:xx", 10, 2),
    ("silk OR -cotton", 8, 7),
])
def test_a_query_error_points_at_the_part_at_fault_in_code_points(index, query, position, length):
    with pytest.raises(talash.QueryError) as e:
        talash.Searcher(index).search(query)
    assert (e.value.position, e.value.length) == (position, length)
    q = talash.Query(query)
    if not q.ok:
        assert (q.error_position, q.error_length) == (position, length)


def test_an_error_of_a_built_query_or_an_option_has_no_position(index):
    for query, options in [(talash.Query.word("؟"), {}), ("Enver", {"lang": "de"})]:
        with pytest.raises(talash.QueryError) as e:
            talash.Searcher(index).search(query, **options)
        assert (e.value.position, e.value.length) == (None, 0)
    assert talash.QueryError("made by hand").position is None
