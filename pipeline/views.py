"""DuckDB views over the output tables: name → (tables it needs, SELECT).

The store (re)creates every view whose tables exist after each write; add a view here, nowhere else.
"""

from __future__ import annotations

VIEWS: dict[str, tuple[set[str], str]] = {
    # one row per cluster across documents: attributes merged, the documents that state them
    "clusters_merged": (
        {"clusters"},
        """
SELECT cluster_id,
       any_value(name ORDER BY source DESC) AS name,
       any_value(kind) AS kind,
       any_value(country) AS country,
       any_value(region) FILTER (WHERE region IS NOT NULL) AS region,
       any_value(city) FILTER (WHERE city IS NOT NULL) AS city,
       min(founded_year) AS founded_year,
       any_value(field) FILTER (WHERE field IS NOT NULL) AS field,
       max(participants) AS participants,
       max(employees) AS employees,
       any_value(url) FILTER (WHERE url IS NOT NULL) AS url,
       count(DISTINCT doc_id) AS n_documents,
       string_agg(DISTINCT doc_id, ',') AS doc_ids
FROM clusters GROUP BY cluster_id
""",
    ),
}
