"""Making Data Count's variation and assurance icons, drawn by the project.

NHS England's *Making Data Count* puts two icons beside each measure: the **variation**
of its latest point (a grey circle for common cause variation; blue for a special cause
improvement, orange for a special cause concern, each with ``H`` or ``L`` for the side
it lies on) and the **assurance** about its target (``P`` where the limits say it will
consistently pass, ``F`` where it will consistently fail, ``?`` where it will hit and
miss). Readers of NHS and council performance papers read the icons before the words;
here they are drawn in the same colours as the process chart's marks
(`corpparent.report.backends.process_svg`), with a letter or line so colour never
carries the meaning alone, and a text alternative naming them in words. A variation or
assurance the report withheld (disclosure control withdraws them with their chart) has
no icon, as it has no words.
"""

from __future__ import annotations

from html import escape
from typing import Final

from corpparent.report.backends.svg import PROCESS_COLOURS
from corpparent.spc.judgements import Assurance
from corpparent.spc.signals import Nature, Variation

__all__ = ["assurance_icon", "variation_icon"]

_ASSURANCE: Final = {
    Assurance.CONSISTENTLY_MET.value: ("P", PROCESS_COLOURS["improvement"]),
    Assurance.CONSISTENTLY_MISSED.value: ("F", PROCESS_COLOURS["concern"]),
    Assurance.HIT_AND_MISS.value: ("?", PROCESS_COLOURS["common"]),
}
_NATURE_COLOURS: Final = {Nature.IMPROVEMENT: PROCESS_COLOURS["improvement"],
                          Nature.CONCERN: PROCESS_COLOURS["concern"],
                          Nature.NEITHER: PROCESS_COLOURS["neither"]}


def _circle(label: str, colour: str, inner: str, size: int) -> str:
    return (f'<svg class="mdc-icon" width="{size}" height="{size}" viewBox="0 0 32 32" '
            f'role="img" aria-label="{escape(label)}"><title>{escape(label)}</title>'
            f'<circle cx="16" cy="16" r="15" fill="{colour}"/>{inner}</svg>')


def _letter(letter: str) -> str:
    return (f'<text x="16" y="22" text-anchor="middle" font-size="17" font-weight="bold" '
            f'font-family="sans-serif" fill="#ffffff">{escape(letter)}</text>')


def variation_icon(variation: str | None, size: int = 28) -> str:
    """The icon of a variation (``special cause concern (low)``) as an inline ``<svg>``;
    empty for none, or for a variation that is not Making Data Count's (not judged)."""
    try:
        found = Variation(variation)
    except ValueError:
        return ""
    label = f"Variation: {found.value}"
    nature = found.nature
    if nature is None:
        wave = ('<path d="M7 17 C10 11, 13 11, 16 16 S22 21, 25 15" fill="none" '
                'stroke="#ffffff" stroke-width="2.6" stroke-linecap="round"/>')
        return _circle(label, PROCESS_COLOURS["common"], wave, size)
    side = "H" if found.name.endswith("_HIGH") else "L"
    return _circle(label, _NATURE_COLOURS[nature], _letter(side), size)


def assurance_icon(assurance: str | None, size: int = 28) -> str:
    """The icon of an assurance (``consistently missed``) as an inline ``<svg>``; empty
    for none."""
    if assurance not in _ASSURANCE:
        return ""
    letter, colour = _ASSURANCE[assurance]
    return _circle(f"Assurance: {assurance}", colour, _letter(letter), size)
