"""The window's dialogs; each opens with open() and reports through a signal, so tests drive them."""
