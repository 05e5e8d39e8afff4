-- Sessions API store, version 2: a session's samples live in its own row.
-- A session keeps only its ten newest proxied requests, read and written with the session every time;
-- as rows of a table of their own, each traffic report inserted, trimmed and re-aggregated them (and
-- checked a foreign key), most of a report's cost in the database. Now they are one JSON array in the
-- session, newest first, in the form the API answers with: {at, method, target_host, target_port,
-- status_code, bytes, duration_ms}, `at` an RFC 3339 UTC time with milliseconds.

ALTER TABLE gateway_sessions ADD COLUMN samples jsonb NOT NULL DEFAULT '[]';

-- every stored sample moves with its session, the newest ten of each (as many as were ever read)
UPDATE gateway_sessions g SET samples = kept.samples
FROM (
  SELECT session_pk, jsonb_agg(jsonb_build_object(
      'at', to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'method', method, 'target_host', target_host, 'target_port', target_port,
      'status_code', status_code, 'bytes', bytes, 'duration_ms', duration_ms
    ) ORDER BY at DESC, seq DESC) AS samples
  FROM (
    SELECT *, row_number() OVER (PARTITION BY session_pk ORDER BY at DESC, seq DESC) AS rank
    FROM session_samples
  ) ranked
  WHERE rank <= 10
  GROUP BY session_pk
) kept
WHERE g.id = kept.session_pk;

DROP TABLE session_samples;
