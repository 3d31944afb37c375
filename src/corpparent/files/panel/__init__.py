"""The panel's own input files: readings, comparator values and declared comparator
sets, meetings, membership, the submissions log and obligations, and the iCalendar file
of what falls due."""
