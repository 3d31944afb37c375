"""Disclosure control over report documents: what a set of published reports says
about the figures they withhold (:mod:`~corpparent.report.disclosure.relations`), and
a checker that tries to work each withheld figure out
(:mod:`~corpparent.report.disclosure.check`)."""

from corpparent.report.disclosure.check import CheckResult, WithheldFigure, check
from corpparent.report.disclosure.relations import Figures, Key, figures_of

__all__ = ["CheckResult", "Figures", "Key", "WithheldFigure", "check", "figures_of"]
