"""Disclosure control of a report document: what a public report withholds, and the
statements about withheld figures it withdraws."""
