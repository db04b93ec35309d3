"""Shared pieces: domain errors, money, the audit log, SQL-file migrations."""
