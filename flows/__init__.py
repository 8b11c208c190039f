"""Prefect orchestration of `pipeline`: the one-off ingest flow and the scheduled inbox deployment.

Importing these modules imports Prefect, which reads its settings at import: entry points call
`pipeline.config.prefect_environment()` first (the `indikator` CLI does; so does tests/conftest.py).
"""
