"""Pieces of the Excel ledger (台账) shared by its writer and its reader. No Qt, no SQL."""
