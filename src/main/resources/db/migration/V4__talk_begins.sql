-- When a talk begins as its schedule status and year see it: its own start, else the start of its
-- conference's first day (UTC), else a date after all others (not yet scheduled, so upcoming).
-- Kept as one indexed column, so that a list or count by status or year reads a range of an index
-- rather than every talk joined to its conference. The application keeps it in step
-- (TalkService.apply, and ConferenceService.apply when a conference's start date changes).
ALTER TABLE talk ADD COLUMN begins TIMESTAMP WITH TIME ZONE;
UPDATE talk SET begins = coalesce(
    starts_at,
    (SELECT CAST(CAST(c.start_date AS VARCHAR(10)) || ' 00:00:00+00' AS TIMESTAMP WITH TIME ZONE)
       FROM conference c WHERE c.id = talk.conference_id),
    TIMESTAMP WITH TIME ZONE '9999-01-01 00:00:00+00');
ALTER TABLE talk ALTER COLUMN begins SET NOT NULL;
CREATE INDEX talk_begins_idx ON talk (begins);
