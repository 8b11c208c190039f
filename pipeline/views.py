"""DuckDB views over the output tables: name → (tables it needs, SELECT).

The store (re)creates every view whose tables exist after each write; add a view here, nowhere else.
"""

from __future__ import annotations

VIEWS: dict[str, tuple[set[str], str]] = {
    # one row per cluster across documents: attributes merged, the documents that state them.
    # Records whose name or multi-word alias (quotes dropped, lowercased) is another record's name
    # or alias in the same country share the smallest cluster_id of the two (one hop, not chains);
    # one-word aliases ("ОЭЗ", acronyms) are too ambiguous across documents to link
    "clusters_merged": (
        {"clusters"},
        """
WITH names AS (
    SELECT cluster_id, country, normal_name AS name_key FROM clusters
    UNION
    SELECT cluster_id, country, name_key FROM (
        SELECT cluster_id, country, trim(regexp_replace(regexp_replace(replace(lower(alias), 'ё', 'е'),
               '[«»"“”„]|\\([^()]*\\)', ' ', 'g'), '\\s+', ' ', 'g')) AS name_key
        FROM (SELECT cluster_id, country, unnest(string_split(aliases, '; ')) AS alias
              FROM clusters WHERE aliases IS NOT NULL)
    ) WHERE name_key LIKE '% %'
), roots AS (
    SELECT a.cluster_id, min(b.cluster_id) AS root
    FROM names AS a JOIN names AS b
      ON a.name_key = b.name_key AND a.country IS NOT DISTINCT FROM b.country
    GROUP BY a.cluster_id
), linked AS (
    SELECT coalesce(r.root, c.cluster_id) AS cluster_id, c.* EXCLUDE (cluster_id)
    FROM clusters AS c LEFT JOIN roots AS r USING (cluster_id)
)
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
FROM linked GROUP BY cluster_id
""",
    ),
    # the same indicator × territory × period × unit stated with different levels (or targets)
    # in different documents, or in the text and a table of one document; values within 1 %
    # (rounding) agree, values more than 3 times apart are taken for a part and its whole
    # ("экспорт вафель" vs "экспорт"), not a conflict. Not compared: bounds (">", "<", ranges),
    # shares and changes (their "of what" / base is often unstated), a table cell broken down by
    # product or category ("Объем экспорта — Злаки"), rejected rows
    "observations_conflicts": (
        {"observations"},
        """
WITH o AS (
    SELECT * FROM observations
    WHERE subject_code IS NOT NULL AND period_start IS NOT NULL
      AND coalesce(qualifier, '=') IN ('=', '~') AND kind IN ('level', 'target')
      AND NOT (source = 'table' AND measure LIKE '% — %')
      AND coalesce(review_status, 'unreviewed') <> 'rejected'
), pairs AS (
    SELECT a.indicator, a.subject_code, a.subject, a.period_start, a.period_end, a.unit, a.kind,
           a.value_scaled AS value_a, b.value_scaled AS value_b,
           a.doc_id AS doc_a, b.doc_id AS doc_b, a.page AS page_a, b.page AS page_b,
           a.source AS source_a, b.source AS source_b,
           a.observation_id AS observation_a, b.observation_id AS observation_b,
           least(abs(a.value_scaled), abs(b.value_scaled)) AS low,
           greatest(abs(a.value_scaled), abs(b.value_scaled)) AS high
    FROM o AS a JOIN o AS b
      ON a.indicator = b.indicator AND a.subject_code = b.subject_code
     AND a.territory_code IS NOT DISTINCT FROM b.territory_code
     AND a.period_start = b.period_start AND a.period_end = b.period_end
     AND a.unit IS NOT DISTINCT FROM b.unit AND a.kind IS NOT DISTINCT FROM b.kind
     AND a.base_period IS NOT DISTINCT FROM b.base_period
     AND a.observation_id < b.observation_id
    WHERE a.doc_id <> b.doc_id OR a.source <> b.source
)
SELECT * EXCLUDE (low, high) FROM pairs
WHERE abs(value_a - value_b) > 0.01 * high AND 3 * low >= high
ORDER BY indicator, subject_code, period_start
""",
    ),
}
