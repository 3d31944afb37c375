"""Measure what authority plug-ins cost: discovery, loading, validating and writing.

Not a test: it prints timings for the machine it runs on. Run with ``make bench``.
Discovery reads entry-point metadata only, so it should cost about what
``importlib.metadata`` does; loading parses and validates each built-in TOML file.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from corpparent.files import profile_from_toml, profile_to_toml
from corpparent.plugins import discover, load_authority, load_profile, load_profiles


def timed(label: str, action: Callable[[], object], repeat: int) -> None:
    start = time.perf_counter()
    for _ in range(repeat):
        action()
    each = (time.perf_counter() - start) / repeat
    print(f"{label:<48} {each * 1000:8.2f} ms")


def main() -> None:
    code = "import time; t = time.perf_counter(); import corpparent.plugins; " \
           "print(time.perf_counter() - t)"
    seconds = float(subprocess.run([sys.executable, "-c", code], capture_output=True,
                                   text=True, check=True).stdout)
    print(f"{'import corpparent.plugins (fresh interpreter)':<48} {seconds * 1000:8.2f} ms")
    timed("discover() (metadata only)", lambda: discover(environ={}), 50)
    timed("load_profile('wiltshire')", lambda: load_profile("wiltshire", environ={}), 20)
    timed("load_profiles() (all built-in)", lambda: load_profiles(environ={}), 10)
    wiltshire = load_profile("wiltshire", environ={})
    text = profile_to_toml(wiltshire)
    timed(f"profile_to_toml(wiltshire) ({len(text):,} characters)",
          lambda: profile_to_toml(wiltshire), 20)
    timed("profile_from_toml(that text)", lambda: profile_from_toml(text), 20)
    with tempfile.TemporaryDirectory() as folder:
        plugin = Path(folder) / "copy.toml"
        plugin.write_text(text.replace('id = "wiltshire"', 'id = "copy"', 1), encoding="utf-8")
        timed("load_authority('copy.toml') (a file, not installed)",
              lambda: load_authority(str(plugin)), 20)
    code = ("import sys, time; t = time.perf_counter(); import hypothesis; "
            "print(time.perf_counter() - t, sum(m.startswith('corpparent') for m in sys.modules))")
    took, modules = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                   check=True).stdout.split()
    print(f"{'import hypothesis, registering corpparent types':<48} {float(took) * 1000:8.2f} ms"
          f" ({modules} corpparent modules)")


if __name__ == "__main__":
    main()
