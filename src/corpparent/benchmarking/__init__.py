"""National benchmarking: one meaning of LAIT's positions, two ways to work it out.

:mod:`corpparent.benchmarking.lait` holds the Department for Education's conventions
(R's type-7 quartile cuts, bands by polarity with ``No_Quartile`` honoured, "min"
ranks, group means and medians, direction of travel), written once.
:mod:`corpparent.benchmarking.scalar` applies them to one set of numbers in plain
Python (one authority's standing); :mod:`corpparent.benchmarking.columnar` applies the
same functions to NumPy arrays holding every authority on every measure and year at
once, and is imported only when used. :mod:`corpparent.benchmarking.periods` chooses
the periods a benchmark shows, on typed data.
"""
