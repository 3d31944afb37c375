"""Where the DfE's and Ofsted's published files are, for the tests that read them (not a
test module itself).

The project keeps them beside the repository (``../shared/data/dfe``; see its README)
rather than in it; a checkout kept in a folder beside the repository's (a second working
tree) finds them one folder further up. A test that reads them asks for the
``national_data`` fixture, or is marked ``national_data``: it is skipped where the files
are absent, and fails under CI, where they must be there.
"""

from __future__ import annotations

from pathlib import Path

_ROOT = Path(__file__).resolve().parent.parent
NATIONAL_DATA = next((place / "shared" / "data" / "dfe" for place in _ROOT.parents[:2]
                      if (place / "shared" / "data" / "dfe").is_dir()),
                     _ROOT.parent / "shared" / "data" / "dfe")
