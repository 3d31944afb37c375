"""Helpers for users' own tests: hypothesis strategies for corpparent's rule inputs.

Nothing here is imported by the rest of corpparent, so hypothesis stays a test-time
dependency (install ``corpparent[test]``).
"""
