"""WenYan benchmarks: `python -m benchmarks` (or `make bench`) measures ingest, page data calls and the app."""
