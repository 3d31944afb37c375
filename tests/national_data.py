"""Where the DfE's and Ofsted's published files are, for the tests that read them (not a
test module itself).

The project keeps them beside the repository (``../shared/data/dfe``; see its README)
rather than in it. A test that reads them asks for the ``national_data`` fixture, or is
marked ``national_data``: it is skipped where the files are absent, and fails under CI,
where they must be there.
"""

from __future__ import annotations

from pathlib import Path

NATIONAL_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "dfe"
