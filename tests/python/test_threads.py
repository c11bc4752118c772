"""Threads: searches run in parallel with the GIL released, one Searcher per thread, and threads
sharing one Searcher or one IndexWriter take turns instead of racing."""

import sys
import threading
import time

import talash

QUERIES = ["Enver", "انور پاشا", "Dushanbe", "دوشنبه", "Basmachi", "1922"]


def answers(searcher):
    return {q: [(r.doc, r.passage, [m.word for m in r.matches]) for r in searcher.search(q)]
            for q in QUERIES}


def run_threads(n, target):
    errors = []

    def guarded(i):
        try:
            target(i)
        except BaseException as e:  # noqa: BLE001 - reported below, in the main thread
            errors.append(e)

    threads = [threading.Thread(target=guarded, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def test_a_searcher_per_thread_gives_the_same_answers(index):
    expected = answers(talash.Searcher(index))

    def work(_):
        s = talash.Searcher(index)
        for _ in range(30):
            assert answers(s) == expected

    run_threads(8, work)


def test_threads_sharing_one_searcher_take_turns(index):
    shared = talash.Searcher(index)
    expected = answers(shared)

    def work(_):
        for _ in range(30):
            assert answers(shared) == expected

    run_threads(6, work)


def test_the_gil_is_released_during_a_search(index):
    # With a switch interval of an hour, this thread keeps the GIL between its calls; the counter
    # thread, which lets go of it in each sleep, can then only count while a search has let go
    # of the GIL too.
    s = talash.Searcher(index)
    stop = threading.Event()
    ticks = [0]

    def counter():
        while not stop.is_set():
            ticks[0] += 1
            time.sleep(0.0001)

    interval = sys.getswitchinterval()
    t = threading.Thread(target=counter)
    t.start()
    sys.setswitchinterval(3600)
    try:
        before = ticks[0]
        for _ in range(300):
            s.search("انور پاشا", per_doc=0)
        during = ticks[0] - before
    finally:
        sys.setswitchinterval(interval)
        stop.set()
        t.join()
    assert during > 0


def test_writers_and_searchers_at_once(tmp_path):
    path = str(tmp_path / "ix")
    with talash.IndexWriter(path) as w:
        w.add("seed.txt", "Samarkand")
    writer = talash.IndexWriter(path, threads=1)

    def work(i):
        if i < 2:
            # Two threads share the writer: their adds take turns.
            for k in range(50):
                writer.add(f"t{i}-{k}.txt", f"Bukhara {k}")
        else:
            s = talash.Searcher(path)
            for _ in range(50):
                s.reopen()
                assert len(s.search("Samarkand")) == 1

    run_threads(4, work)
    writer.close()
    assert talash.Searcher(path).stats()["documents"] == 101
