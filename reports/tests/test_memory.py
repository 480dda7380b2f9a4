"""A report worker gives the memory a render freed back to the system."""

import psutil
import pytest

from reports.memory import _malloc_trim, release_memory


@pytest.mark.skipif(
    _malloc_trim() is None, reason="malloc_trim is glibc's; this C library has none"
)
def test_release_memory_hands_freed_heap_back_to_the_system():
    process = psutil.Process()
    # ~100 MB in 2 KiB blocks (malloc's, not Python's small-object arenas), then free 15 out of
    # 16: the survivors pin the heap, so glibc keeps the freed pages until told to trim.
    blocks = [bytes(2048) for _ in range(50_000)]
    survivors = blocks[::16]
    del blocks
    before = process.memory_info().rss
    release_memory()
    after = process.memory_info().rss
    assert before - after > 40 * 2**20
    assert len(survivors) == 3125
