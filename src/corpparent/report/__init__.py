"""Reports: the JSON output model and its schema; the document every report is composed
into once; the registered output formats that write it; small-number suppression,
output profiles and provenance.

The threshold below which a count of children is withheld is
[`corpparent.disclosure.DEFAULT_THRESHOLD`][corpparent.disclosure.DEFAULT_THRESHOLD]; 0.2's
``corpparent.report`` name for it keeps working through 0.3, with a warning.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from corpparent._lazy import front_door

if TYPE_CHECKING:  # each public name, written once, imported on first use
    from corpparent.report.backends.data import render_json as render_json
    from corpparent.report.backends.html import render_html as render_html
    from corpparent.report.backends.markdown import render_markdown as render_markdown
    from corpparent.report.backends.page import contrast_ratio as contrast_ratio
    from corpparent.report.backends.terminal import render_terminal as render_terminal
    from corpparent.report.build import (
        findings_report as findings_report,
        scorecard_report as scorecard_report,
        summarise as summarise,
    )
    from corpparent.report.composer import compose as compose
    from corpparent.report.formats import (
        Backend as Backend,
        backend as backend,
        format_names as format_names,
        register as register,
        unregister as unregister,
    )
    from corpparent.report.labels import (
        STATUS_SYMBOLS as STATUS_SYMBOLS,
        STATUS_WORDS as STATUS_WORDS,
        status_label as status_label,
    )
    from corpparent.report.model import (
        FindingsReport as FindingsReport,
        Profile as Profile,
        Provenance as Provenance,
        ScorecardReport as ScorecardReport,
        published_schema as published_schema,
        report_adapter as report_adapter,
        report_schema as report_schema,
    )
    from corpparent.report.output import (
        finish as finish,
        render as render,
        render_binary as render_binary,
    )
    from corpparent.report.parts import (
        FindingOut as FindingOut,
        IndicatorOut as IndicatorOut,
    )
    from corpparent.report.profiles import (
        PROFILES as PROFILES,
        default_profile as default_profile,
    )
    from corpparent.report.provenance import (
        make_provenance as make_provenance,
        sha256_of as sha256_of,
    )
    from corpparent.report.suppression import (
        Suppression as Suppression,
        suppress as suppress,
    )

#: The names 0.2 exported here that 0.3 exports from another public place.
_DEPRECATED = {"corpparent.disclosure": ("DEFAULT_THRESHOLD",)}

__getattr__, __dir__ = front_door(__name__, globals(), _DEPRECATED)
