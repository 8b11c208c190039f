"""Clusters, technoparks, industrial parks and economic zones as records.

Three sources of `ClusterFact`: rows of a cluster table (`table`), named mentions in running text
with the attributes stated about them (`text`, over `mentions`, `attributes`, `counts` and
`places`), and their per-document merge (`merge`). `normal_name` and `cluster_id` give one cluster
the same id across papers.
"""

from pipeline.extract.clusters.merge import resolve_clusters
from pipeline.extract.clusters.names import cluster_id, normal_name
from pipeline.extract.clusters.table import clusters_from_table, parse_urls
from pipeline.extract.clusters.text import extract_clusters_from_text

__all__ = [
    "cluster_id",
    "clusters_from_table",
    "extract_clusters_from_text",
    "normal_name",
    "parse_urls",
    "resolve_clusters",
]
