"""Files in and out: the report-text importer and the xlsx ledger. Imports no Qt."""
