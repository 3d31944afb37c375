"""Reports: the JSON output model and its schema, and the terminal, Markdown and HTML
renderers, with small-number suppression, output profiles and provenance.

The threshold below which a count of children is withheld is
:data:`corpparent.disclosure.DEFAULT_THRESHOLD`; 0.2's ``corpparent.report`` name for it
keeps working through 0.3, with a warning.
"""

from corpparent._lazy import front_door
from corpparent.report.build import findings_report, scorecard_report, summarise
from corpparent.report.html import contrast_ratio, render_html
from corpparent.report.labels import STATUS_SYMBOLS, STATUS_WORDS, status_label
from corpparent.report.markdown import render_markdown
from corpparent.report.model import (
    FindingOut,
    FindingsReport,
    IndicatorOut,
    Profile,
    Provenance,
    ScorecardReport,
    published_schema,
    report_adapter,
    report_schema,
)
from corpparent.report.output import FORMATS, Format, finish, render, render_json
from corpparent.report.profiles import PROFILES, default_profile
from corpparent.report.provenance import make_provenance, sha256_of
from corpparent.report.suppression import Suppression, suppress
from corpparent.report.terminal import render_terminal

__all__ = [
    "FORMATS",
    "PROFILES",
    "STATUS_SYMBOLS",
    "STATUS_WORDS",
    "FindingOut",
    "FindingsReport",
    "Format",
    "IndicatorOut",
    "Profile",
    "Provenance",
    "ScorecardReport",
    "Suppression",
    "contrast_ratio",
    "default_profile",
    "findings_report",
    "finish",
    "make_provenance",
    "published_schema",
    "render",
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
]

#: The names 0.2 exported here that 0.3 exports from another public place.
_DEPRECATED = {"corpparent.disclosure": ("DEFAULT_THRESHOLD",)}

__getattr__, __dir__ = front_door(__name__, globals(), _DEPRECATED)
