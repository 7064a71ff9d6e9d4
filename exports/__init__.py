"""Exports of the archive to files other tools read."""
