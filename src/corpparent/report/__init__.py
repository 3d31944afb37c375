"""Reports: the JSON output model and its schema; the document every report is composed
into once; the registered output formats that write it; small-number suppression,
output profiles and provenance.

The threshold below which a count of children is withheld is
[`corpparent.disclosure.DEFAULT_THRESHOLD`][corpparent.disclosure.DEFAULT_THRESHOLD]; 0.2's
``corpparent.report`` name for it keeps working through 0.3, with a warning.
"""

from corpparent._lazy import front_door
from corpparent.report.backends.data import render_json
from corpparent.report.backends.html import render_html
from corpparent.report.backends.markdown import render_markdown
from corpparent.report.backends.page import contrast_ratio
from corpparent.report.backends.terminal import render_terminal
from corpparent.report.build import findings_report, scorecard_report, summarise
from corpparent.report.composer import compose
from corpparent.report.formats import Backend, backend, format_names, register, unregister
from corpparent.report.labels import STATUS_SYMBOLS, STATUS_WORDS, status_label
from corpparent.report.model import (
    FindingsReport,
    Profile,
    Provenance,
    ScorecardReport,
    published_schema,
    report_adapter,
    report_schema,
)
from corpparent.report.output import finish, render, render_binary
from corpparent.report.parts import FindingOut, IndicatorOut
from corpparent.report.profiles import PROFILES, default_profile
from corpparent.report.provenance import make_provenance, sha256_of
from corpparent.report.suppression import Suppression, suppress

__all__ = [
    "PROFILES",
    "STATUS_SYMBOLS",
    "STATUS_WORDS",
    "Backend",
    "FindingOut",
    "FindingsReport",
    "IndicatorOut",
    "Profile",
    "Provenance",
    "ScorecardReport",
    "Suppression",
    "backend",
    "compose",
    "contrast_ratio",
    "default_profile",
    "findings_report",
    "finish",
    "format_names",
    "make_provenance",
    "published_schema",
    "register",
    "render",
    "render_binary",
    "render_html",
    "render_json",
    "render_markdown",
    "render_terminal",
    "report_adapter",
    "report_schema",
    "scorecard_report",
    "sha256_of",
    "status_label",
    "summarise",
    "suppress",
    "unregister",
]

#: The names 0.2 exported here that 0.3 exports from another public place.
_DEPRECATED = {"corpparent.disclosure": ("DEFAULT_THRESHOLD",)}

__getattr__, __dir__ = front_door(__name__, globals(), _DEPRECATED)
