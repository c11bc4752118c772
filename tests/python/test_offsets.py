"""Every offset the package gives is a str index: text[start:end] is the word, whatever the text
holds before it (multi-byte letters, ZWNJ, diacritics, digits of other scripts, astral
characters) and whatever the engine folded away."""

import pytest

import talash
from conftest import PERSIAN, ZWNJ

FATHA = "\u064e"
KASRA = "\u0650"
SHADDA = "\u0651"

# Each row: a passage, a query, the word the query must highlight, and why the row exists.
ROWS = [
    (PERSIAN, "انور", "انور" + ZWNJ + "پاشا", "ZWNJ inside the word matched, a diacritic before it"),
    ("کتاب" + ZWNJ + "ها" + ZWNJ + "ی تاریخ سمرقند", "سمرقند", "سمرقند", "two ZWNJs before the match"),
    ("مُحَمَّد" + " علی", "محمد", "مُحَمَّد", "diacritics inside the matched word itself"),
    ("سال ۱۹۲۲ و " + "ع" + KASRA + "ل" + SHADDA + "ی", "علی", "ع" + KASRA + "ل" + SHADDA + "ی",
     "Persian digits, then kasra and shadda inside the word"),
    ("😀 emoji then Samarkand", "Samarkand", "Samarkand", "a character outside the BMP: 4 bytes, one str index"),
    ("شہر سمرقند میں", "Samarkand", "سمرقند", "a transliteration in Urdu text"),
]


@pytest.mark.parametrize("text,query,word,why", ROWS, ids=[r[3] for r in ROWS])
def test_match_offsets_index_the_str(tmp_path, text, query, word, why):
    path = str(tmp_path / "ix")
    with talash.IndexWriter(path) as w:
        w.add("doc.txt", text)
    [result] = talash.Searcher(path).search(query).results
    assert result.text == text
    highlighted = [result.text[m.start:m.end] for m in result.matches]
    assert word in highlighted, why
    for m in result.matches:
        assert result.text[m.start:m.end] == m.word
    # The snippet marks the same characters.
    assert "[" + word + "]" in result.snippet()


@pytest.mark.parametrize("text,query,word,why", ROWS, ids=[r[3] for r in ROWS])
def test_token_offsets_index_the_str(text, query, word, why):
    for t in talash.Analyzer().tokens(text):
        assert text[t.start:t.end] == t.word, why


def test_byte_ranges_are_bytes_of_the_document(tmp_path):
    path = str(tmp_path / "ix")
    text = "سمرقند\n\n" + PERSIAN
    with talash.IndexWriter(path) as w:
        w.add("doc.txt", text)
    result = talash.Searcher(path).search("انور").results[0]
    start, end = result.byte_range
    assert text.encode()[start:end].decode() == result.text
