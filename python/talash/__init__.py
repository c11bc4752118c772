"""Talash: full-text search for Urdu, Persian and English, across scripts.

Index text with IndexWriter, search it with Searcher: a Latin-script name finds its spellings in
Arabic script and the reverse (``Enver Pasha`` finds ``انور پاشا``), with every match explained.

    import talash

    with talash.IndexWriter("my-index") as writer:
        writer.add("notes.txt", "Enver Pasha reached Dushanbe in 1922.")
    for hit in talash.Searcher("my-index").search("انور پاشا"):
        print(hit.doc, hit.snippet("[", "]"))

Offsets (Match.start, Token.end, ...) are indices into Python strings. Errors are subclasses of
talash.Error. The GIL is released while the engine works; use one Searcher per thread to search in
parallel.
"""

from ._talash import (
    Analyzer,
    DatabaseCorruptError,
    DatabaseError,
    DatabaseLockError,
    DatabaseNotFoundError,
    Error,
    IndexWriter,
    IoError,
    Match,
    Neighbour,
    Query,
    QueryError,
    Result,
    Searcher,
    SearchResults,
    Token,
    UsageError,
    VersionMismatchError,
    analysis_version,
    read_name_groups,
    version,
)

__version__ = version()

# The classes live in the extension module; users know them as talash.X.
for _name in ("Analyzer", "IndexWriter", "Match", "Neighbour", "Query", "Result", "SearchResults",
              "Searcher", "Token"):
    globals()[_name].__module__ = __name__
del _name

__all__ = [
    "Analyzer",
    "DatabaseCorruptError",
    "DatabaseError",
    "DatabaseLockError",
    "DatabaseNotFoundError",
    "Error",
    "IndexWriter",
    "IoError",
    "Match",
    "Neighbour",
    "Query",
    "QueryError",
    "Result",
    "SearchResults",
    "Searcher",
    "Token",
    "UsageError",
    "VersionMismatchError",
    "analysis_version",
    "read_name_groups",
    "version",
]
