"""Benchmarks: each prints its figures beside the baseline they are measured against."""
