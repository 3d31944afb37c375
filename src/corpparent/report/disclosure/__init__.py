"""Disclosure control over report documents: what a set of published reports says
about the figures they withhold (`relations`), and
a checker that tries to work each withheld figure out
(`check`)."""

from corpparent.report.disclosure.check import CheckResult, WithheldFigure, check
from corpparent.report.disclosure.relations import Figures, Key, figures_of

__all__ = ["CheckResult", "Figures", "Key", "WithheldFigure", "check", "figures_of"]
