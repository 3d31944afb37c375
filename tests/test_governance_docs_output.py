"""The governance pages' printed examples show what their code prints.

A ```python block followed at once by a ```text block shows that block's output; the
page's blocks run in order in one namespace, as `test_docs_and_examples` runs them.
"""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAIR = re.compile(r"^```python\n(.*?)^```\n(?:\s*^```text\n(.*?)^```)?",
                  re.MULTILINE | re.DOTALL)


@pytest.mark.parametrize("page", ["governance.md", "cli-meetings.md"])
def test_printed_output_is_what_the_code_prints(page: str, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {"__name__": "docs", "TMP": tmp_path}
    text = (ROOT / "docs" / page).read_text(encoding="utf-8")
    for number, (code, shown) in enumerate(PAIR.findall(text), start=1):
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            exec(compile(code, f"{page} block {number}", "exec"), namespace)
        if shown and printed.getvalue().strip():
            assert printed.getvalue().strip() == shown.strip(), f"{page} block {number}"
