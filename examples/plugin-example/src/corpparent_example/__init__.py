"""Example authority plug-ins for corpparent (a separate distribution)."""
