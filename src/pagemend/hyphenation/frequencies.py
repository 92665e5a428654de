"""wordfreq's frequency tables, read without importing wordfreq (a third of a second with
its dependencies) and without building a dictionary of a language's 300,000 words for a
mend that looks up a few hundred.

A language's table (wordfreq's ``best`` list: ``large_LANG`` where it exists, else
``small_LANG``) is turned once into a cache file of its words sorted byte-wise with their
frequency bins, one word a line, and a hash table of them (``$PAGEMEND_CACHE``, default
``$XDG_CACHE_HOME/pagemend`` or ``~/.cache/pagemend``; named after the source file's size
and time and the file format's version, so a new wordfreq or a new format makes a new file).
The file is mapped, not read: a lookup hashes the word (CRC-32 of its UTF-8) into an
open-addressing table of word numbers in the file and compares the word at each slot until
an empty one (1-2 µs, where bisecting the sorted words took 7-10; ``lexicon.zipf`` keeps the
answers of a book's words), so the words a mend never asks about never come into memory (a
dictionary of English's 321,180 words held 38 MB, a sixth of the 2,000-page benchmark
book's peak). Where no cache can be written the dictionary is built at once.
tests/hyphenation/test_lexicon.py checks the answers against
wordfreq's own.

    >>> table = table_of("en")
    >>> table is not None and table.bin("the") is not None, table.bin("qzxv") if table else 0
    (True, None)
    >>> zipf_of_bin(0), zipf_of_bin(600)
    (9.0, 3.0)
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import importlib.util
import itertools
import math
import mmap
import os
import re
import sys
import threading
import zlib
from array import array
from collections.abc import Iterable
from pathlib import Path

__all__ = ["Table", "available_languages", "cache_folder", "cache_name", "table_of",
           "write_atomically", "zipf_of_bin"]

#: The cache file's format: its version is in the magic and in the file name (a version with
#: another layout never reads it).
_VERSION = 3
_MAGIC = b"PMWF" + bytes([_VERSION]) + sys.byteorder[0].encode() + b"\n\n"
_HEADER = len(_MAGIC) + 8  # magic, then the numbers of words and of slots (uint32 each)
#: The hash table has at least this many slots per word (a power of two): a lookup of a word
#: the table lacks probes 2 to 5 slots on average (linear probing at load 0.33 to 0.67), most
#: of them told apart by the hash bits they keep, without reading the word.
_SLOTS_PER_WORD = 1.5


def _data_path() -> Path | None:
    """wordfreq's data folder, found without importing wordfreq."""
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "data"


@functools.lru_cache(maxsize=1)
def available_languages() -> dict[str, Path]:
    """Language -> wordfreq's ``best`` list file, as ``wordfreq.available_languages()`` finds
    them (its ``small_`` lists, overridden by its ``large_`` ones)."""
    folder = _data_path()
    found: dict[str, dict[str, Path]] = {"small": {}, "large": {}}
    for path in sorted(folder.glob("*.msgpack.gz")) if folder else []:
        if not path.name.startswith("_"):
            kind, lang = path.name.split(".")[0].split("_")
            if kind in found:
                found[kind][lang] = path
    return {**found["small"], **found["large"]}


@functools.cache
def zipf_of_bin(index: int) -> float:
    """The Zipf frequency wordfreq's ``zipf_frequency`` gives a word of one token in the
    table's bin ``index`` (-index centibels), computed as wordfreq computes it."""
    freq = 10 ** (-index / 100)  # cB_to_freq
    freq = 1.0 / (0.0 + 1.0 / freq)  # _word_frequency: 1 / f = sum of 1 / f_token
    unrounded = max(freq, 10**0.0 / 1e9)  # the minimum, zipf_to_freq(0.0)
    leading_zeroes = math.floor(-math.log(unrounded, 10))
    return round(math.log(round(unrounded, leading_zeroes + 3), 10) + 9, 2)


class Table:
    """A language's words and their bins: sorted words in a mapped file with a hash table
    of them, or a dictionary.

    The file: the header; the words' offsets in the text (uint32, one more than words);
    the slots (uint32, a power of two of them: 0 empty, else a word's number from 1 in the
    low bits, as many as the count of words takes, and the high bits of its CRC-32 above them;
    a word is in the first empty slot from the one its CRC-32's low bits name, or after it);
    the bins (uint16); the text (each word's UTF-8 and a line break).
    """

    def __init__(self, words: dict[str, int] | None = None, path: Path | None = None) -> None:
        self._words = words
        self._path = path
        if path is not None:
            with path.open("rb") as handle:
                self._map = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
            if self._map[:len(_MAGIC)] != _MAGIC:
                raise ValueError(f"{path} is no frequency table")
            count = int.from_bytes(self._map[len(_MAGIC):len(_MAGIC) + 4], sys.byteorder)
            slots = int.from_bytes(self._map[len(_MAGIC) + 4:_HEADER], sys.byteorder)
            if slots <= count or slots & (slots - 1) or (
                    len(self._map) < _HEADER + 4 * (count + 1) + 4 * slots + 2 * count):
                raise ValueError(f"{path} is cut short")
            view = memoryview(self._map)
            self._offsets = view[_HEADER:_HEADER + 4 * (count + 1)].cast("I")
            slots_at = _HEADER + 4 * (count + 1)
            self._slots = view[slots_at:slots_at + 4 * slots].cast("I")
            bins_at = slots_at + 4 * slots
            self._bins = view[bins_at:bins_at + 2 * count].cast("H")
            self._text_at = bins_at + 2 * count
            self._mask = slots - 1
            self._number_bits = count.bit_length()
            if len(self._map) < self._text_at + self._offsets[count]:
                raise ValueError(f"{path} is cut short")

    def bin(self, word: str) -> int | None:
        """The word's frequency bin, or None for a word the table lacks."""
        if self._words is not None:
            return self._words.get(word)
        key = word.encode("utf-8")
        slots, offsets, blob, start, mask = (self._slots, self._offsets, self._map,
                                              self._text_at, self._mask)
        bits = self._number_bits
        crc = zlib.crc32(key)
        at, high = crc & mask, crc >> bits
        while found := slots[at]:
            if found >> bits == high:
                index = (found & ((1 << bits) - 1)) - 1
                if blob[start + offsets[index]:start + offsets[index + 1] - 1] == key:
                    return int(self._bins[index])
            at = (at + 1) & mask
        return None

    def words_up_to(self, last_bin: int) -> list[str]:
        """The words of bins ``0`` to ``last_bin`` (the most frequent), in the table's order.

        >>> table = Table(words={"the": 0, "of": 30, "zither": 700})
        >>> table.words_up_to(100)
        ['the', 'of']
        """
        if self._words is not None:
            return [word for word, found in self._words.items() if found <= last_bin]
        blob, start, offsets = self._map, self._text_at, self._offsets
        return [blob[start + offsets[index]:start + offsets[index + 1] - 1].decode("utf-8")
                for index in itertools.compress(itertools.count(), (
                    found <= last_bin for found in self._bins))]


def _read_source(path: Path) -> dict[str, int]:
    """A wordfreq list file (gzip of msgpack: a header, then one list of words per bin) as
    word -> bin, as ``wordfreq.get_frequency_dict`` reads it (a later bin wins)."""
    import msgpack  # type: ignore[import-untyped]  # (wordfreq's dependency)

    with gzip.open(path, "rb") as handle:
        data = msgpack.load(handle, raw=False)
    header = data[0]
    if not isinstance(header, dict) or header.get("format") != "cB":
        raise ValueError(f"{path}: unexpected header {header!r}")
    words: dict[str, int] = {}
    for index, bucket in enumerate(data[1:]):
        words.update(dict.fromkeys(bucket, index))
    return words


def cache_folder() -> Path:
    """Where pagemend keeps the tables it makes from its dependencies' data."""
    if os.environ.get("PAGEMEND_CACHE"):
        return Path(os.environ["PAGEMEND_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME")
    return (Path(base) if base else Path("~/.cache").expanduser()) / "pagemend"


def _write_cache(words: dict[str, int], target: Path) -> None:
    """The sorted table, written to a temporary name and renamed (another process may be
    writing the same file)."""
    keys = sorted(words)  # code point order, which is UTF-8's byte order
    if any("\n" in key for key in keys):
        raise OSError("a word holds a line break")  # never in wordfreq's lists
    text = "\n".join(keys).encode("utf-8") + b"\n"  # each word ends in a line break
    encoded = [key.encode("utf-8") for key in keys]
    offsets = array("I", itertools.accumulate((len(key) + 1 for key in encoded), initial=0))
    slots = _slots(encoded)
    bins = array("H", map(words.__getitem__, keys))
    chunks = (_MAGIC + len(keys).to_bytes(4, sys.byteorder) + len(slots).to_bytes(
        4, sys.byteorder), offsets.tobytes(), slots.tobytes(), bins.tobytes(), text)
    write_atomically(target, chunks)


def _slots(keys: list[bytes]) -> array[int]:
    """The open-addressing table of the words (see :class:`Table`)."""
    size = 1
    while size < _SLOTS_PER_WORD * len(keys):
        size *= 2
    mask, bits = size - 1, len(keys).bit_length()
    slots = array("I", bytes(4 * size))
    for number, key in enumerate(keys, 1):
        crc = zlib.crc32(key)
        at = crc & mask
        while slots[at]:
            at = (at + 1) & mask
        slots[at] = (crc >> bits) << bits | number
    return slots


def cache_name(kind: str, source: Path, version: int, suffix: str) -> str:
    """The name of the cache file made from a dependency's data file: the kind, the file's
    stem, its size and time (a reinstall or a new release makes a new name), the format's
    version. ``write_atomically`` removes the names it replaces.

    >>> import os, tempfile
    >>> source = Path(tempfile.mkdtemp()) / "hyph_de_DE.dic"
    >>> _ = source.write_bytes(b"UTF-8\\n"); os.utime(source, ns=(0, 34))
    >>> cache_name("pyphen", source, 2, ".marshal")
    'pyphen-hyph_de_DE-6-34-v2.marshal'
    """
    stat = source.stat()
    return f"{kind}-{source.name.split('.')[0]}-{stat.st_size}-{stat.st_mtime_ns}-v{version}" \
        f"{suffix}"


def _stale(target: Path) -> list[Path]:
    """The cache files that ``target`` replaces: those of the same kind and data file made
    from another install or release of it, or in another format (``cache_name``; the names
    before the version was part of them too). Each reinstall of wordfreq or pyphen gives its
    data files a new time: kept, they would pile up (15 MB for German's word list each).

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> for name in ("pyphen-hyph_de_DE-9-1.marshal", "pyphen-hyph_de_DE-9-2-v2.marshal",
    ...              "pyphen-hyph_de_AT-9-1-v2.marshal", "wordfreq-large_de-9-1-v3.bin"):
    ...     _ = (folder / name).write_bytes(b"")
    >>> sorted(path.name for path in _stale(folder / "pyphen-hyph_de_DE-9-3-v2.marshal"))
    ['pyphen-hyph_de_DE-9-1.marshal', 'pyphen-hyph_de_DE-9-2-v2.marshal']
    """
    match = re.fullmatch(r"([a-z]+-[^-]+)-\d+-\d+(?:-v\d+)?(\.\w+)", target.name)
    if match is None:
        return []
    kind, suffix = match.groups()
    same = re.compile(rf"{re.escape(kind)}-\d+-\d+(?:-v\d+)?{re.escape(suffix)}")
    with contextlib.suppress(OSError):
        return [path for path in target.parent.iterdir()
                if path.name != target.name and same.fullmatch(path.name)]
    return []


def write_atomically(target: Path, chunks: Iterable[bytes]) -> None:
    """Write a cache file under a name of this process and thread, then rename it (other
    processes may be writing the same file; none ever reads half of one); then remove the
    files it replaces (``_stale``: a process still reading one keeps what it opened)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f"{target.name}.{os.getpid()}.{threading.get_ident()}.part")
    try:
        with partial.open("wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
        partial.replace(target)
    finally:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
    for path in _stale(target):
        with contextlib.suppress(OSError):
            path.unlink()


@functools.lru_cache(maxsize=16)
def table_of(lang: str) -> Table | None:
    """The language's table (None where wordfreq has no list for it): the cache file,
    written first where missing."""
    source = available_languages().get(lang)
    if source is None:
        return None
    target = cache_folder() / cache_name("wordfreq", source, _VERSION, ".bin")
    try:
        return Table(path=target)
    except (OSError, ValueError):
        pass
    words = _read_source(source)
    with contextlib.suppress(OSError, OverflowError):  # no cache: the dictionary serves
        _write_cache(words, target)
    return Table(words=words)
