"""Windows and panes, built in code."""
