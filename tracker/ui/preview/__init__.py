"""The import preview: a report's plan, editable before it is saved (see window.py)."""
