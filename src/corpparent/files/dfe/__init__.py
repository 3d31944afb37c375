"""The Department for Education's and Ofsted's published files: Explore Education
Statistics tables read through mappings, the Local Authority Interactive Tool (LAIT) and
its dictionary, the statistical-neighbour model, Ofsted's inspection outcomes, and the
folder of them that national benchmarking reads."""
