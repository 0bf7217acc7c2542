"""Tests (a package, so modules in different folders may share names)."""
