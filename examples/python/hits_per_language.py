"""Index a folder of text files, search it across scripts, and print a table of hits per language.

    python3 examples/python/hits_per_language.py [FOLDER] [QUERY ...]

FOLDER defaults to the bundled corpus/, the queries to a few names written in Latin and in
Arabic script. Run it cell by cell in a notebook: each step below is one.
"""

import collections
import pathlib
import shutil
import sys
import tempfile

import talash

# --- Where the text is, and what to look for.
here = pathlib.Path(__file__).resolve().parent
folder = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else here.parent.parent / "corpus"
queries = sys.argv[2:] or ["Enver Pasha", "Ibrahim Bek", "بخارا", "سمرقند", "Basmachi"]

# --- Index every .txt file under the folder (UTF-8; a byte that is not becomes U+FFFD).
index = tempfile.mkdtemp(prefix="talash-example-")
with talash.IndexWriter(index, rebuild=True) as writer:
    for path in sorted(folder.rglob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        writer.add(str(path.relative_to(folder)), text)
searcher = talash.Searcher(index)
stats = searcher.stats()
print(f"{stats['documents']} documents, {stats['passages']} passages "
      f"({', '.join(f'{k} {v}' for k, v in stats['passages_by_lang'].items())})\n")

# --- For each query: passages found per language, and how the words matched.
langs = ["ur", "fa", "en"]
print(f"{'query':<16}" + "".join(f"{lang:>6}" for lang in langs) + "   matched as")
for query in queries:
    try:
        found = searcher.search(query, limit=1000, per_doc=0)
    except talash.QueryError as e:
        print(f"{query:<16}  refused: {e}")
        continue
    per_lang = collections.Counter(r.lang for r in found)
    kinds = collections.Counter(m.kind for r in found for m in r.matches)
    print(f"{query:<16}" + "".join(f"{per_lang[lang]:>6}" for lang in langs) + "   " +
          ", ".join(f"{kind} {n}" for kind, n in kinds.most_common()))

# --- The best passage of each language for the first query, its matches in brackets.
print()
for lang in langs:
    best = searcher.search(queries[0], lang=lang, limit=1)
    for r in best:
        print(f"[{lang}] {r.doc} #{r.passage}: {r.snippet('[', ']', max_chars=120)}")

searcher.close()
shutil.rmtree(index)
