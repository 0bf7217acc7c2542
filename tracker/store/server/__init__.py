"""The tracker database on a PostgreSQL server (needs psycopg: `pip install -e ".[server]"`).

Imported only when a `postgresql://` location is opened, so a data file needs no psycopg.
"""
