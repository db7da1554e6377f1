"""Progress lines on stderr for steps that may take a while, with their duration."""
from __future__ import annotations

import sys
import time
from contextlib import contextmanager


class Progress:
    def __init__(self, quiet: bool = False, stream=None):
        self.quiet = quiet
        self.stream = stream or sys.stderr

    def say(self, message: str) -> None:
        if not self.quiet:
            print(message, file=self.stream, flush=True)

    @contextmanager
    def step(self, message: str):
        """Print `message ...` then `done (1.2 s)` (or nothing more if it failed)."""
        if not self.quiet:
            print(f"{message} ...", end=" ", file=self.stream, flush=True)
        start = time.perf_counter()
        try:
            yield
        except BaseException:
            if not self.quiet:
                print("failed", file=self.stream, flush=True)
            raise
        if not self.quiet:
            print(f"done ({time.perf_counter() - start:.1f} s)", file=self.stream, flush=True)
