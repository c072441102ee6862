-- Whether a talk has a video, and its levels as bits (1 beginner, 2 intermediate, 4 advanced),
-- kept beside video_url and the levels' JSON text, and indexed with the type, so that a list or
-- count by them reads an index rather than every talk. The application keeps them in step
-- (TalkService.apply).
ALTER TABLE talk ADD COLUMN has_video BOOLEAN;
ALTER TABLE talk ADD COLUMN level_mask INTEGER;
UPDATE talk SET
    has_video = (video_url IS NOT NULL),
    level_mask = (CASE WHEN levels LIKE '%"beginner"%' THEN 1 ELSE 0 END)
               + (CASE WHEN levels LIKE '%"intermediate"%' THEN 2 ELSE 0 END)
               + (CASE WHEN levels LIKE '%"advanced"%' THEN 4 ELSE 0 END);
ALTER TABLE talk ALTER COLUMN has_video SET NOT NULL;
ALTER TABLE talk ALTER COLUMN level_mask SET NOT NULL;
CREATE INDEX talk_type_idx ON talk (type);
CREATE INDEX talk_has_video_idx ON talk (has_video);
CREATE INDEX talk_level_mask_idx ON talk (level_mask);
