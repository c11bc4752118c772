"""Type stubs of the talash package (the _talash extension, re-exported)."""

from types import TracebackType
from typing import Iterable, Iterator, Optional, Sequence, Type, Union, overload

__version__: str

def version() -> str:
    """The library's release version, e.g. '0.1.0'."""

def analysis_version() -> str:
    """The version of the analysis chain; an index built by another one must be rebuilt."""

def read_name_groups(path: str) -> list[list[str]]:
    """Reads a names file (a group of spellings of one name a line, separated by commas)."""

class Error(RuntimeError):
    """Base of every error Talash raises; str(e) names the file, index or query involved."""

class UsageError(Error, ValueError):
    """The caller asked for something invalid: a bad argument value, a closed writer."""

class QueryError(UsageError):
    """A search the engine refused: an empty or malformed query, an unknown language.
    position and length: the part of the query at fault, in code points
    (query[position:position + length]), or None and 0."""
    position: Optional[int]
    length: int

class IoError(Error, OSError):
    """Reading or writing an input or output file failed."""

class DatabaseError(Error):
    """Something is wrong with the index itself."""

class DatabaseNotFoundError(DatabaseError, FileNotFoundError):
    """There is no index at the path (or it is not a Talash index)."""

class DatabaseLockError(DatabaseError):
    """Another writer holds the index's write lock."""

class DatabaseCorruptError(DatabaseError):
    """The index's files are damaged or truncated."""

class VersionMismatchError(DatabaseError):
    """The index was built by another version of the analysis chain; rebuild it."""

class Token:
    """One word of analysed text; start and end index the analysed str."""

    term: str
    word: str
    start: int
    end: int
    position: int
    parts: list[str]
    keys: list[str]

class Analyzer:
    """The analysis chain that indexing and search share. Calls hold the GIL."""

    def __init__(self) -> None: ...
    def tokens(self, text: str) -> list[Token]:
        """The words of `text` in order."""
    def normalize(self, word: str) -> str:
        """The normalized term of a single word; '' if it has no word characters."""
    def transliteration_keys(self, word: str) -> list[str]:
        """The transliteration keys of a single word, as a query word gets them."""
    @staticmethod
    def detect_language(text: str) -> str:
        """'ur', 'fa' or 'en' from the letters `text` uses; '' when it has none."""

class Query:
    """A search parsed from the query language or built in code. Immutable, shareable.

    a & b is all_of, a | b any_of, a - b but_not. Building never raises: see ok and error.
    """

    def __init__(self, text: str) -> None: ...
    @staticmethod
    def word(word: str) -> Query:
        """A word with its spellings, stems, compounds and transliterations."""
    @staticmethod
    def exact_word(word: str) -> Query:
        """A word in its own spelling only: =word."""
    @staticmethod
    def phrase(words: str) -> Query:
        """Words that must stand together, in order, spelled as given."""
    @staticmethod
    def all_of(parts: Iterable[Query]) -> Query:
        """Passages matching every one of `parts`."""
    @staticmethod
    def any_of(parts: Iterable[Query]) -> Query:
        """Passages matching any of `parts`, ranked by how many."""
    @staticmethod
    def near(parts: Iterable[Query], window: int = 10) -> Query:
        """Words or phrases within `window` words of each other."""
    def but_not(self, excluded: Query) -> Query:
        """Passages matching this query and not `excluded`."""
    def in_language(self, lang: str) -> Query:
        """Passages of one language only: 'ur', 'fa' or 'en'."""
    def __and__(self, other: Query) -> Query: ...
    def __or__(self, other: Query) -> Query: ...
    def __sub__(self, other: Query) -> Query: ...
    @property
    def ok(self) -> bool:
        """True if the query can be run."""
    @property
    def error(self) -> str:
        """Why the query cannot be run; '' if it can."""
    @property
    def error_position(self) -> Optional[int]:
        """Where in text the error lies, in code points from 0; None if the query is ok or was built in code."""
    @property
    def error_length(self) -> int:
        """How many code points of text the error spans; 0 without a position."""
    @property
    def notices(self) -> list[str]:
        """One line for each repair made to the text while parsing."""
    @property
    def text(self) -> str:
        """The text parsed, or a built query written in the query language."""

class IndexWriter:
    """Builds or updates an index; a context manager that commits, or rolls back on an exception.

    One writer per index in any process (DatabaseLockError). The GIL is released while it works;
    calls from several threads take turns.
    """

    def __init__(
        self, path: str, *, rebuild: bool = False, threads: int = 0, passage_chars: int = 600
    ) -> None: ...
    def add(
        self,
        doc: str,
        text: str,
        *,
        title: Optional[str] = None,
        lang: Optional[str] = None,
        source: Optional[str] = None,
    ) -> int:
        """Indexes `text` as document `doc`, replacing it; returns the number of passages."""
    def remove(self, doc: str) -> bool:
        """Removes every passage of `doc`; True if there were any."""
    def remove_source(self, source: str) -> int:
        """Removes every document that came from `source`; returns the passages removed."""
    def documents_of(self, source: str) -> list[str]:
        """The names of the documents that came from `source`."""
    def commit(self) -> None:
        """Makes everything added so far durable and visible to searchers."""
    def rollback(self) -> None:
        """Discards everything since the last commit and closes the writer."""
    def close(self) -> None:
        """Commits and closes the writer, freeing the index for another writer."""
    @property
    def closed(self) -> bool: ...
    @property
    def path(self) -> str: ...
    def __enter__(self) -> IndexWriter: ...
    def __exit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        traceback: Optional[TracebackType],
    ) -> bool: ...

class Match:
    """How one query word matched one word of a passage; start and end index Result.text."""

    query_word: str
    word: str
    start: int
    end: int
    kind: str
    similarity: float

class Neighbour:
    """A passage next to a result, returned for context."""

    passage: int
    text: str
    @property
    def byte_range(self) -> tuple[int, int]:
        """The passage's place in its document's UTF-8 bytes."""

class Result:
    """A passage found by a search."""

    @property
    def doc(self) -> str: ...
    @property
    def passage(self) -> int: ...
    @property
    def lang(self) -> str: ...
    @property
    def score(self) -> float: ...
    text: str
    matches: list[Match]
    before: list[Neighbour]
    after: list[Neighbour]
    explanation: list[str]
    @property
    def byte_range(self) -> tuple[int, int]:
        """The passage's place in its document's UTF-8 bytes."""
    def snippet(self, before: str = "[", after: str = "]", max_chars: int = 0) -> str:
        """The text with each match between `before` and `after`, cut to max_chars if given."""

class SearchResults:
    """A page of results: iterate it, index it, or take len()."""

    query: str
    total: int
    total_by_lang: dict[str, int]
    fallback: bool
    notices: list[str]
    results: list[Result]
    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[Result]: ...
    @overload
    def __getitem__(self, i: int) -> Result: ...
    @overload
    def __getitem__(self, i: slice) -> list[Result]: ...

class Searcher:
    """Runs queries against an index. The GIL is released during a search; calls on one
    Searcher from several threads take turns, so open one per thread to search in parallel."""

    def __init__(self, path: str) -> None: ...
    def search(
        self,
        query: Union[str, Query],
        *,
        limit: int = 10,
        offset: int = 0,
        lang: Optional[str] = None,
        exact: bool = False,
        per_doc: int = 3,
        explain: bool = False,
        context: int = 0,
        sort: str = "relevance",
        docs: Sequence[str] = (),
        highlight: bool = True,
        time_limit: float = 0.0,
        mix_languages: bool = False,
        names: Sequence[Sequence[str]] = (),
    ) -> SearchResults:
        """Runs `query`; raises QueryError for a query or option the engine refuses."""
    def passage(self, doc: str, passage: int, *, context: int = 0) -> Optional[Result]:
        """Passage `passage` (1-based) of `doc`, with `context` neighbours; None if none."""
    def stats(self) -> dict[str, object]:
        """Facts about the index, with the keys of talash-search --stats --json."""
    def reopen(self) -> bool:
        """Moves to the index's newest commit; False if nothing changed."""
    def close(self) -> None:
        """Closes the index; later calls raise UsageError."""
    @property
    def path(self) -> str: ...
    def __enter__(self) -> Searcher: ...
    def __exit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        traceback: Optional[TracebackType],
    ) -> bool: ...
