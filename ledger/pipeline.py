"""Pure per-file and per-article work, and a process pool that spreads it over the cores.

Parsing and extraction are CPU-bound Python (regexes, jieba), so a batch large
enough to pay for worker start-up is split over a ``ProcessPoolExecutor``;
small batches (the usual incremental drop) run in this process.

The pool is created once per process and reused by every later batch and step
(parse, then extract): a worker loads the gazetteer and jieba once (about a
second), not once per batch. Workers start from a ``forkserver`` (a clean,
thread-free process that has already imported the domain modules), never by
forking the caller, which may hold Dagster's or DuckDB's threads.

The fork server and the workers die with the process that owns the pool, even when it is
killed with SIGKILL (see ``_die_with_parent`` and ``_watch_owner``): a killed ``ledger run``
leaves no process behind.
Tuning knobs (measured by ``ledger bench``): LEDGER_WORKERS, LEDGER_POOL_THRESHOLD,
LEDGER_CHUNK, LEDGER_START_METHOD (forkserver | spawn).
"""
from __future__ import annotations

import atexit
import errno
import os
import select
import signal
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from multiprocessing import get_context
from typing import Callable, Iterable, Iterator, Optional, Sequence, TypeVar

from ledger.config import MAX_FILE_BYTES
from ledger.model import Article, Extraction, ParsedFile, Quarantine

T = TypeVar("T")
K = TypeVar("K")
R = TypeVar("R")

# below this many items a pool costs more than it saves
POOL_THRESHOLD = int(os.environ.get("LEDGER_POOL_THRESHOLD", "200"))


@dataclass(frozen=True)
class FileTask:
    file_name: str
    path: str
    sha256: str      # what the inventory saw; a different hash at read time means the file is still moving
    size_bytes: int


# a tiny page of our own, parsed and extracted once per process so that every lazy
# initialisation (gazetteer, jieba and its user dictionary, the decoder's character table
# for GB18030, compiled patterns) happens before the first real batch, not inside it
_WARM_PAGE = ("示例新闻网>>县域经济\n\n宁晋县上半年经济运行稳中有进\n\n2023-07-21 08:00:00 来源:示例新闻网\n\n"
              "今年上半年，宁晋县地区生产总值完成120.5亿元，同比增长6.1%，全市排名第一；"
              "固定资产投资完成45.2亿元，同比增长8.3%。全年力争一般公共预算收入增长7%。\n")
_warmed = False


def _warm_up() -> None:
    """Load the gazetteer, jieba and the parser's and extractor's tables once per process."""
    global _warmed
    if _warmed:
        return
    from ledger.regions import get_gazetteer
    from ledger.segment import keywords

    get_gazetteer()
    keywords("县域经济")
    try:
        from ledger.parsing import parse_file

        for name, data in (("warm-up.txt", _WARM_PAGE.encode("gb18030")), ("warm-up.md", _WARM_PAGE.encode())):
            for art in parse_file(name, data).articles:
                extract_article(enrich(art))
    except Exception:  # warming up is an optimisation; a failure here shows up again on real files
        pass
    _warmed = True


def read_and_parse(task: FileTask) -> ParsedFile:
    """Read one inbox file and parse it; never raises (any failure becomes a quarantine)."""
    from ledger.parsing import parse_file

    from ledger.inventory import read_regular

    try:  # one descriptor, no link followed, regular files only: these bytes are hashed and parsed
        data, size = read_regular(task.path, MAX_FILE_BYTES)
    except OSError as exc:
        return _quarantined(task, task.size_bytes, "unreadable", unreadable_detail(exc))
    if data is None:
        return _quarantined(task, size, "too_large",
                            f"The file is {size / 1e6:.1f} MB; files over {MAX_FILE_BYTES // 2**20} MB are not read.")
    import hashlib

    sha = hashlib.sha256(data).hexdigest()
    if sha != task.sha256 or len(data) != task.size_bytes:
        return _quarantined(task, len(data), "still_growing",
                            "The file changed while it was being read (still being written?); "
                            "it is processed again once it stops changing.", sha=sha)
    try:
        parsed = parse_file(task.file_name, data)
    except Exception as exc:  # a parser bug must not cost the other files
        return _quarantined(task, len(data), "error", f"The parser failed on this file: {type(exc).__name__}: {exc}", sha=sha)
    for art in parsed.articles:
        enrich(art)
    return parsed


def unreadable_detail(exc: OSError) -> str:
    """A plain sentence for a file that could not be opened or read."""
    from ledger.inventory import NotRegularFile

    if isinstance(exc, NotRegularFile) or exc.errno == errno.ELOOP:
        return ("The name no longer holds a regular file (a symbolic link, a pipe or a device was put in "
                "its place); links are never followed.")
    return f"The file could not be read: {exc.strerror or exc}."


def _quarantined(task: FileTask, size: int, reason: str, detail: str, sha: Optional[str] = None) -> ParsedFile:
    sha = sha or task.sha256
    return ParsedFile(task.file_name, sha, size, quarantine=Quarantine(task.file_name, sha, size, reason, detail))


def enrich(article: Article) -> Article:
    """Main region (gazetteer) and keywords (jieba) of a parsed article; spaces a line wrap left
    inside a word of its prose are taken out first (the segmenter's dictionary tells a word)."""
    from ledger.parsing.normalize import join_split_words
    from ledger.regions import get_gazetteer
    from ledger.segment import dictionary_freq, keywords

    # (a word the dictionary has seen a few times at least: its rare entries would join too much)
    article.text = join_split_words(article.text, lambda word: dictionary_freq(word) >= 5)

    # a government site that publishes the page (青山湖区人民政府网站) names its region like a title does
    site = article.outlet if article.outlet and "政府" in article.outlet else None
    main = get_gazetteer().main_region(" ".join(filter(None, (article.title, article.subtitle, site))) or None,
                                       article.text)
    if main:
        article.main_region_code, article.main_region_name = main
    article.keywords = keywords(((article.title or "") + "\n" + article.text)[:20000])
    return article


def extract_article(article: Article) -> Extraction:
    from ledger.extraction import extract

    try:
        return extract(article)
    except Exception:  # one bad article must not stop the batch; it yields nothing
        import logging

        logging.getLogger(__name__).exception("extraction failed for %s", article.article_id)
        return Extraction()


def _run_chunk(args: tuple[Callable[[T], R], list[T]]) -> list[R]:
    fn, chunk = args
    return [fn(x) for x in chunk]


# modules a forkserver imports once, so each worker starts with them loaded
_PRELOAD = ["ledger.pipeline", "ledger.model", "ledger.parsing", "ledger.regions", "ledger.segment", "ledger.extraction"]
_pool: Optional[ProcessPoolExecutor] = None
_pool_key: Optional[tuple[int, str]] = None
_pool_lock = threading.Lock()
_WARM_FLAG = "LEDGER_POOL_SERVER_WARM_UP"
# "<pid of the pool's owner>:<1 if the thread that started the fork server lives as long as the owner>"
_OWNER_ENV = "LEDGER_POOL_OWNER"
_PR_SET_PDEATHSIG = 1


def _start_method() -> str:
    method = os.environ.get("LEDGER_START_METHOD", "forkserver")
    return method if method in ("forkserver", "spawn") else "forkserver"


def _die_with_parent() -> bool:
    """Ask the kernel for SIGKILL when this process's parent dies (Linux ``PR_SET_PDEATHSIG``).

    The "parent" is the *thread* that created this process: a process started from a thread
    that ends before its owner is killed with that thread, so this is only asked where the
    creating thread lives as long as the parent process (the owner's main thread for the fork
    server, the fork server's single thread for its workers). False where there is no prctl."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def alive(pid: int) -> bool:
    """Whether a process with this pid exists (one we may not signal counts)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _watch_owner(owner: int) -> None:
    """End this process as soon as ``owner`` has exited (whatever killed it).

    A daemon thread waits on a pidfd of the owner (readable once it has exited; no polling, no
    mistaking a new process that reuses the number), or, without pidfds, checks the owner twice
    a second. This is the fallback to the parent-death signal: it works for spawned workers
    (started from whichever thread submitted work), on systems without prctl, and for the
    fork server's workers when the server itself could not ask for the signal."""
    try:
        fd: Optional[int] = os.pidfd_open(owner)
    except ProcessLookupError:
        os._exit(1)  # already gone
    except (AttributeError, OSError):
        fd = None

    def wait() -> None:
        if fd is not None:
            select.select([fd], [], [])
        else:
            while alive(owner):
                time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=wait, name="ledger-owner-watch", daemon=True).start()


def _worker_init(owner: int) -> None:
    """The pool's initializer: die with the owner, then load the tables once."""
    if os.getppid() != owner:  # forked by the fork server, from its only thread: die with it
        _die_with_parent()
    _watch_owner(owner)
    if not alive(owner):
        os._exit(1)
    _warm_up()


def _start_server() -> None:
    """Start the fork server (and the resource tracker) from this thread, now.

    The server imports this module with the warm-up flag set (it loads the tables once for
    every worker it forks) and with its owner's pid; it asks for the parent-death signal when
    the thread starting it is the owner's main thread (a helper thread would end first and take
    the server with it). Otherwise it still ends once its workers are gone: they hold the
    write end of its "alive" pipe and watch the owner themselves."""
    main = threading.current_thread() is threading.main_thread()
    os.environ[_WARM_FLAG] = "1"
    os.environ[_OWNER_ENV] = f"{os.getpid()}:{int(main)}"
    try:
        from multiprocessing import forkserver

        get_context("forkserver").set_forkserver_preload(_PRELOAD)
        forkserver.ensure_running()
    finally:
        os.environ.pop(_WARM_FLAG, None)
        os.environ.pop(_OWNER_ENV, None)


def _server_dies_with_owner() -> None:
    """In the fork server, at import: ask for the parent-death signal if the owner said so."""
    owner, _, main = os.environ.pop(_OWNER_ENV, "").partition(":")
    if not owner.isdigit():
        return
    if main == "1":
        _die_with_parent()
    if os.getppid() != int(owner):  # the owner died before the signal was asked for
        os._exit(1)


def get_pool(workers: int) -> ProcessPoolExecutor:
    """The process-wide worker pool (created on first use, warmed up, reused)."""
    global _pool, _pool_key
    key = (workers, _start_method())
    with _pool_lock:
        if _pool is not None and _pool_key == key:
            return _pool
        if _pool is not None:
            _pool.shutdown(wait=True)
        ctx = get_context(key[1])
        if key[1] == "forkserver":
            # the fork server imports this module with the flag set and warms up once there;
            # the workers it forks then share the loaded gazetteer and jieba dictionaries
            _start_server()
        _pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_worker_init,
                                    initargs=(os.getpid(),))
        _pool_key = key
        list(_pool.map(int, range(workers)))  # starts the workers now
        return _pool


_prestart: Optional[threading.Thread] = None


def prestart_pool(workers: Optional[int] = None) -> bool:
    """Start the pool in the background now, and let small batches use it too.

    ``ledger run`` calls this first thing, a run the sensor launched at its start, any other
    run once its inventory found new files: the fork server imports the domain modules and
    loads the gazetteer and jieba (~1.3 s) on the other core while this process imports
    Dagster and takes the inventory, so even a drop of ten files is parsed and extracted by
    warm workers instead of paying that start-up in the run's own process. Returns False
    (and changes nothing) with one worker or ``LEDGER_PRESTART=0``."""
    global _prestart
    workers = workers or int(os.environ.get("LEDGER_WORKERS", "0")) or (os.cpu_count() or 1)
    if workers <= 1 or os.environ.get("LEDGER_PRESTART", "1") == "0":
        return False
    if _prestart is None:
        if _start_method() == "forkserver":
            try:  # from this thread (usually the main one), so the server can die with this process
                _start_server()
            except Exception:  # the batches will start it again, or run here
                pass
        _prestart = threading.Thread(target=_start_quietly, args=(workers,), name="ledger-pool-start", daemon=True)
        _prestart.start()
    return True


def _start_quietly(workers: int) -> None:
    try:
        get_pool(workers)
    except Exception:  # the batches will start it again, or run here
        pass


def end_prestart() -> None:
    """Small batches run in this process again (the pool stays up for large ones)."""
    global _prestart
    if _prestart is not None:
        _prestart.join()
        _prestart = None


def shutdown_pool() -> None:
    """Stop the worker pool (it is started again on the next large batch)."""
    global _pool, _pool_key
    with _pool_lock:
        if _pool is not None:
            _pool.shutdown(wait=True, cancel_futures=True)
        _pool, _pool_key = None, None


atexit.register(shutdown_pool)


def parallel_map(fn: Callable[[T], R], items: Sequence[T], workers: Optional[int] = None,
                 chunk_size: Optional[int] = None) -> list[R]:
    """``[fn(x) for x in items]``, spread over the process pool when the batch is large."""
    return _submit(fn, items, workers, chunk_size)()


def _submit(fn: Callable[[T], R], items: Sequence[T], workers: Optional[int] = None,
            chunk_size: Optional[int] = None) -> Callable[[], list[R]]:
    """Start ``[fn(x) for x in items]`` on the pool (when :func:`parallel_map` would) and return
    a function that waits for the results; small batches are computed when it is called."""
    items = list(items)
    workers = workers or int(os.environ.get("LEDGER_WORKERS", "0")) or (os.cpu_count() or 1)
    if workers <= 1 or not items or (len(items) < POOL_THRESHOLD and _prestart is None):
        return lambda: [fn(x) for x in items]
    try:
        if _prestart is not None:
            _prestart.join()  # usually long done: it started with the process
        # a few chunks per worker keeps both cores busy to the end without paying per-item IPC
        chunk_size = chunk_size or int(os.environ.get("LEDGER_CHUNK", "0")) or \
            max(8, min(64, len(items) // (workers * 4) or 1))
        pool = get_pool(workers)
        futures = [pool.submit(_run_chunk, (fn, items[i:i + chunk_size]))
                   for i in range(0, len(items), chunk_size)]
    except BrokenProcessPool:
        shutdown_pool()
        return lambda: [fn(x) for x in items]

    def results() -> list[R]:
        out: list[R] = []
        try:
            for f in futures:
                out.extend(f.result())
        except BrokenProcessPool:  # a worker died: this batch is finished here, the pool starts afresh
            shutdown_pool()
            return [fn(x) for x in items]
        return out
    return results


def map_batches(fn: Callable[[T], R], batches: Iterable[tuple[K, Sequence[T]]]) -> Iterator[tuple[K, list[R]]]:
    """``(tag, [fn(x) for x in items])`` for each ``(tag, items)`` of ``batches``, in order, with
    the next batch already running on the pool while the caller handles the one it got (writes
    it to DuckDB, links its duplicates): the workers do not wait for the caller's single-threaded
    share of each batch. The next batch is taken from ``batches`` before the current one is
    handed over, so a generator of batches reads batch i + 1 before the caller writes batch i."""
    pending = None
    for tag, items in batches:
        handle = _submit(fn, items)
        if pending is not None:
            yield pending[0], pending[1]()
        pending = (tag, handle)
    if pending is not None:
        yield pending[0], pending[1]()


# Not dead code: the fork server imports this module with the flag set (see get_pool) and warms
# up here, once; the workers it forks inherit the loaded gazetteer and jieba tables.
if os.environ.get(_WARM_FLAG) == "1":
    _server_dies_with_owner()
    _warm_up()
