-- Talks are listed by start time, newest or oldest first, with the talks without a start last in
-- either order. An index can give that order only if it is a column, so the start is kept once
-- more per direction, a missing start replaced by a date after (or before) all others. With the
-- slug, the unique tie-break, each index hands a page over from its cursor without reading and
-- sorting every talk of the list. The Talk entity keeps both in step with starts_at.
ALTER TABLE talk ADD COLUMN sort_start TIMESTAMP WITH TIME ZONE;
ALTER TABLE talk ADD COLUMN sort_start_desc TIMESTAMP WITH TIME ZONE;
UPDATE talk SET
    sort_start = coalesce(starts_at, TIMESTAMP WITH TIME ZONE '9999-01-01 00:00:00+00'),
    sort_start_desc = coalesce(starts_at, TIMESTAMP WITH TIME ZONE '1000-01-01 00:00:00+00');
ALTER TABLE talk ALTER COLUMN sort_start SET NOT NULL;
ALTER TABLE talk ALTER COLUMN sort_start_desc SET NOT NULL;
CREATE INDEX talk_sort_start_idx ON talk (sort_start, slug);
CREATE INDEX talk_sort_start_desc_idx ON talk (sort_start_desc DESC, slug);
