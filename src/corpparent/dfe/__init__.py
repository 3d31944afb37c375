"""The Department for Education's published statistics as readings and benchmarks."""
