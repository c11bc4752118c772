"""Index, then search, in each script and across them, through every part of the API."""

import pytest

import talash
from conftest import PERSIAN, ZWNJ


def test_a_latin_name_finds_its_arabic_script_spellings(index):
    found = talash.Searcher(index).search("Enver Pasha")
    langs = {r.lang for r in found}
    assert langs == {"en", "fa", "ur"}
    assert len(found) == len(found.results) == 3
    assert found.total >= 3
    assert not found.fallback
    # Exact matches rank before transliterations.
    assert found[0].lang == "en"
    persian = next(r for r in found if r.lang == "fa")
    kinds = {m.kind for m in persian.matches}
    assert kinds == {"transliteration"}
    assert all(0 < m.similarity <= 1 for m in persian.matches)


def test_an_arabic_script_query_finds_the_latin_spelling(index):
    found = talash.Searcher(index).search("انور پاشا", per_doc=0)
    assert {r.doc for r in found} == {"fa.txt", "ur.txt", "en.txt"}
    english = next(r for r in found if r.doc == "en.txt")
    assert [m.word for m in english.matches] == ["Enver", "Pasha"]


def test_results_carry_text_snippets_and_explanations(index):
    s = talash.Searcher(index)
    r = s.search("Dushanbe", lang="en", explain=True)[0]
    assert r.doc == "en.txt"
    assert r.passage >= 1
    assert r.score > 0
    assert r.text.startswith("Enver") and "Dushanbe" in r.text
    assert r.snippet() == r.text.replace("Dushanbe", "[Dushanbe]")
    assert r.snippet("<b>", "</b>") == r.text.replace("Dushanbe", "<b>Dushanbe</b>")
    assert r.explanation == ["Dushanbe -> Dushanbe (exact)"]
    start, end = r.byte_range
    assert end - start == len(r.text.encode())
    assert "en.txt" in repr(r)
    # Without explain, no explanation; without highlight, no matches.
    assert s.search("Dushanbe", lang="en")[0].explanation == []
    assert s.search("Dushanbe", lang="en", highlight=False)[0].matches == []


def test_options_page_filter_and_order(index):
    s = talash.Searcher(index)
    everything = s.search("Enver", limit=10, per_doc=0)
    first, rest = s.search("Enver", limit=1, per_doc=0), s.search("Enver", offset=1, per_doc=0)
    assert [(r.doc, r.passage) for r in first] + [(r.doc, r.passage) for r in rest] == [
        (r.doc, r.passage) for r in everything
    ]
    assert [r.lang for r in s.search("Enver", lang="fa")] == ["fa"]
    assert [r.doc for r in s.search("Enver", docs=["u*"])] == ["ur.txt"]
    by_doc = s.search("Enver", sort="document", per_doc=0)
    assert [r.doc for r in by_doc] == sorted(r.doc for r in by_doc)
    assert all(m.kind == "exact" for r in s.search("Enver", exact=True) for m in r.matches)
    assert [r.lang for r in s.search("Enver", exact=True)] == ["en", "en"]


def test_context_and_passages(index):
    s = talash.Searcher(index)
    r = s.search("Basmachi", context=1)[0]
    assert [n.text for n in r.before] == ["Enver Pasha reached Dushanbe in 1922."]
    assert r.after == []
    title = s.passage("en.txt", 1)
    assert title.text == "Enver" and title.score == 0 and title.matches == []
    second = s.passage("en.txt", 2, context=1)
    assert second.text.startswith("Enver Pasha")
    assert [n.passage for n in second.before] == [1]
    assert [n.passage for n in second.after] == [3]
    assert s.passage("en.txt", 99) is None
    assert s.passage("nowhere.txt", 1) is None


def test_queries_built_in_code_need_no_quoting(index):
    s = talash.Searcher(index)
    q = talash.Query.all_of([talash.Query.word("Enver"), talash.Query.phrase("reached Dushanbe")])
    assert q.ok and q.error == ""
    assert [r.doc for r in s.search(q)] == ["en.txt"]
    assert q.text == str(q)
    both = talash.Query.word("Basmachi") | talash.Query.word("دوشنبه")
    assert {r.doc for r in s.search(both, per_doc=0)} >= {"en.txt", "fa.txt"}
    without = talash.Query.word("Enver") - talash.Query.word("Dushanbe")
    assert all("Dushanbe" not in r.text for r in s.search(without, per_doc=0))
    near = talash.Query.near([talash.Query.exact_word("Enver"), talash.Query.word("Dushanbe")],
                             window=4)
    assert [r.doc for r in s.search(near)] == ["en.txt"]
    too_far = talash.Query.near([talash.Query.exact_word("Enver"), talash.Query.word("1922")],
                                window=4)
    assert len(s.search(too_far)) == 0
    assert [r.lang for r in s.search(talash.Query.word("Enver").in_language("ur"))] == ["ur"]
    assert talash.Query.exact_word("Enver").text == "=Enver"
    # A query text the parser repairs says what it did.
    repaired = talash.Query('"Enver Pasha')
    assert repaired.ok and repaired.notices
    assert s.search('"Enver Pasha').notices == repaired.notices


def test_the_writer_commits_at_the_end_of_its_block_and_updates_in_place(tmp_path):
    path = str(tmp_path / "ix")
    with talash.IndexWriter(path, threads=1) as w:
        assert w.add("a.txt", "Samarkand and Bukhara") == 1
        assert w.add("b.txt", "سمرقند", lang="fa", source="dump.jsonl") == 1
        assert repr(w).startswith("<talash.IndexWriter")
    assert w.closed
    s = talash.Searcher(path)
    assert s.stats()["documents"] == 2
    with talash.IndexWriter(path) as w:
        assert w.documents_of("dump.jsonl") == ["b.txt"]
        assert w.remove("a.txt")
        assert not w.remove("a.txt")
        w.commit()
        assert w.remove_source("dump.jsonl") == 1
    assert s.reopen()
    assert s.stats()["documents"] == 0
    assert not s.reopen()


def test_an_exception_in_the_block_rolls_back(tmp_path):
    path = str(tmp_path / "ix")
    with talash.IndexWriter(path) as w:
        w.add("kept.txt", "Khiva")
    try:
        with talash.IndexWriter(path) as w:
            w.add("lost.txt", "Herat")
            w.commit()
            w.add("lost-too.txt", "Balkh")
            raise KeyError("stop")
    except KeyError:
        pass
    s = talash.Searcher(path)
    assert [r.doc for r in s.search("Herat")] == ["lost.txt"]  # committed before the error
    assert len(s.search("Balkh")) == 0
    # A writer rolled back on a new index leaves no index behind.
    fresh = str(tmp_path / "fresh")
    try:
        with talash.IndexWriter(fresh) as w:
            w.add("x.txt", "Kabul")
            raise RuntimeError("stop")
    except RuntimeError:
        pass
    try:
        talash.Searcher(fresh)
        raise AssertionError("an index that was rolled back exists")
    except talash.DatabaseNotFoundError:
        pass


def test_stats_have_the_cli_keys(index):
    stats = talash.Searcher(index).stats()
    assert stats["documents"] == 3
    assert stats["passages_by_lang"]["fa"] >= 1 and stats["passages_by_lang"]["ur"] >= 1
    assert stats["analysis_version"] == talash.analysis_version()
    assert stats["size_bytes"] > 0
    assert stats["committed"].endswith("Z")
    assert set(stats) == {"documents", "passages", "passages_by_lang", "distinct_terms",
                          "analysis_version", "size_bytes", "committed"}


def test_the_analyzer_normalizes_as_the_index_does():
    a = talash.Analyzer()
    tokens = a.tokens(PERSIAN)
    joined = next(t for t in tokens if t.word == "انور" + ZWNJ + "پاشا")
    assert joined.term == "انورپاشا"
    assert joined.parts == ["انور", "پاشا"]
    assert PERSIAN[joined.start:joined.end] == joined.word
    assert [t.position for t in tokens] == list(range(1, len(tokens) + 1))
    assert a.normalize("ENVER") == "enver"
    # "Enver" and "انور" meet under a key: that is how one finds the other.
    assert set(a.transliteration_keys("Enver")) & set(a.transliteration_keys("انور"))
    assert talash.Analyzer.detect_language("انور پاشا دوشنبے پہنچے") == "ur"
    assert talash.Analyzer.detect_language("...") == ""


def test_versions():
    assert talash.__version__ == talash.version()
    assert talash.analysis_version().isdigit()


def test_mixed_languages_and_their_counts(index):
    s = talash.Searcher(index)
    plain = s.search("Dushanbe", per_doc=0)
    assert plain.total_by_lang == {}
    mixed = s.search("Dushanbe", per_doc=0, mix_languages=True)
    assert mixed.total_by_lang == {"en": 1, "fa": 1, "ur": 1}
    # The English passage, the only exact match, first; then the other languages in turn.
    assert mixed[0].lang == "en"
    assert {r.lang for r in mixed} == {"en", "fa", "ur"}
    assert sum(mixed.total_by_lang.values()) == mixed.total


def test_names_join_spellings_no_transliteration_reaches(index, tmp_path):
    s = talash.Searcher(index)
    assert len(s.search("Hills")) == 1
    assert [r.doc for r in s.search("Mountains")] == []
    names = tmp_path / "names.txt"
    names.write_text("# hills and mountains, as a user may join them\nMountains, Hills\n")
    groups = talash.read_name_groups(str(names))
    assert groups == [["Mountains", "Hills"]]
    found = s.search("Mountains", names=groups, explain=True)
    assert [r.doc for r in found] == ["en.txt"]
    assert found[0].explanation == ["Mountains -> hills (name)"]
    names.write_text("Mountains\n")
    with pytest.raises(talash.UsageError, match="names.txt:1: a group needs two spellings"):
        talash.read_name_groups(str(names))
    with pytest.raises(talash.IoError):
        talash.read_name_groups(str(tmp_path / "missing.txt"))
