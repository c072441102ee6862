-- Conference content. Portable SQL: runs on H2 (PostgreSQL mode) and on PostgreSQL.
-- Ids come from sequences that step by 50 so Hibernate can batch inserts; the API never shows them.

CREATE SEQUENCE topic_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE conference_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE track_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE speaker_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE talk_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE interview_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE topic (
    id          BIGINT PRIMARY KEY,
    slug        VARCHAR(120) NOT NULL,
    name        VARCHAR(120) NOT NULL,
    description VARCHAR(5000),
    parent_id   BIGINT REFERENCES topic (id),
    CONSTRAINT topic_slug_key UNIQUE (slug)
);
CREATE INDEX topic_parent_idx ON topic (parent_id);
CREATE INDEX topic_name_idx ON topic (name, slug);

CREATE TABLE conference (
    id         BIGINT PRIMARY KEY,
    slug       VARCHAR(120) NOT NULL,
    name       VARCHAR(200) NOT NULL,
    series     VARCHAR(120),
    start_date DATE,
    end_date   DATE,
    city       VARCHAR(120),
    country    VARCHAR(120),
    url        VARCHAR(2000),
    CONSTRAINT conference_slug_key UNIQUE (slug)
);
CREATE INDEX conference_start_idx ON conference (start_date, slug);

CREATE TABLE track (
    id            BIGINT PRIMARY KEY,
    conference_id BIGINT       NOT NULL REFERENCES conference (id),
    position      INTEGER      NOT NULL,
    slug          VARCHAR(120) NOT NULL,
    name          VARCHAR(200) NOT NULL,
    description   VARCHAR(5000),
    CONSTRAINT track_slug_key UNIQUE (conference_id, slug)
);

CREATE TABLE speaker (
    id        BIGINT PRIMARY KEY,
    slug      VARCHAR(120) NOT NULL,
    name      VARCHAR(200) NOT NULL,
    headline  VARCHAR(300),
    company   VARCHAR(200),
    bio       VARCHAR(10000),
    photo_url VARCHAR(2000),
    website   VARCHAR(2000),
    twitter   VARCHAR(200),
    mastodon  VARCHAR(200),
    github    VARCHAR(200),
    linkedin  VARCHAR(2000),
    CONSTRAINT speaker_slug_key UNIQUE (slug)
);
CREATE INDEX speaker_name_idx ON speaker (name, slug);
CREATE INDEX speaker_company_idx ON speaker (company);

-- levels, personas and learning outcomes are short ordered lists of strings, kept as JSON arrays.
CREATE TABLE talk (
    id                BIGINT PRIMARY KEY,
    slug              VARCHAR(120) NOT NULL,
    title             VARCHAR(300) NOT NULL,
    abstract          VARCHAR(20000),
    conference_id     BIGINT REFERENCES conference (id),
    track_id          BIGINT REFERENCES track (id),
    type              VARCHAR(20),
    levels            VARCHAR(200),
    personas          VARCHAR(20000),
    learning_outcomes VARCHAR(100000),
    language          VARCHAR(35),
    starts_at         TIMESTAMP WITH TIME ZONE,
    duration_minutes  INTEGER,
    room              VARCHAR(120),
    video_url         VARCHAR(2000),
    slides_url        VARCHAR(2000),
    CONSTRAINT talk_slug_key UNIQUE (slug)
);
CREATE INDEX talk_conference_idx ON talk (conference_id);
CREATE INDEX talk_track_idx ON talk (track_id);
CREATE INDEX talk_starts_idx ON talk (starts_at, slug);
CREATE INDEX talk_title_idx ON talk (title, slug);

CREATE TABLE talk_speaker (
    talk_id    BIGINT  NOT NULL REFERENCES talk (id),
    speaker_id BIGINT  NOT NULL REFERENCES speaker (id),
    position   INTEGER NOT NULL,
    PRIMARY KEY (talk_id, position)
);
CREATE INDEX talk_speaker_speaker_idx ON talk_speaker (speaker_id);

CREATE TABLE talk_topic (
    talk_id  BIGINT  NOT NULL REFERENCES talk (id),
    topic_id BIGINT  NOT NULL REFERENCES topic (id),
    position INTEGER NOT NULL,
    PRIMARY KEY (talk_id, position)
);
CREATE INDEX talk_topic_topic_idx ON talk_topic (topic_id);

CREATE TABLE interview (
    id           BIGINT PRIMARY KEY,
    slug         VARCHAR(120) NOT NULL,
    title        VARCHAR(300) NOT NULL,
    speaker_id   BIGINT       NOT NULL REFERENCES speaker (id),
    talk_id      BIGINT REFERENCES talk (id),
    published_on DATE,
    intro        VARCHAR(5000),
    CONSTRAINT interview_slug_key UNIQUE (slug)
);
CREATE INDEX interview_speaker_idx ON interview (speaker_id);
CREATE INDEX interview_talk_idx ON interview (talk_id);
CREATE INDEX interview_published_idx ON interview (published_on, slug);

CREATE TABLE interview_qa (
    interview_id BIGINT         NOT NULL REFERENCES interview (id),
    position     INTEGER        NOT NULL,
    question     VARCHAR(2000)  NOT NULL,
    answer       VARCHAR(50000) NOT NULL,
    PRIMARY KEY (interview_id, position)
);

CREATE TABLE interview_topic (
    interview_id BIGINT  NOT NULL REFERENCES interview (id),
    topic_id     BIGINT  NOT NULL REFERENCES topic (id),
    position     INTEGER NOT NULL,
    PRIMARY KEY (interview_id, position)
);
CREATE INDEX interview_topic_topic_idx ON interview_topic (topic_id);

-- The change log: every write appends here in its own transaction (a transactional outbox).
CREATE TABLE change_log (
    id   BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    kind VARCHAR(20)              NOT NULL,
    slug VARCHAR(120)             NOT NULL,
    op   VARCHAR(10)              NOT NULL,
    at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row per committed catalog import: where the data came from, for the export's "source".
CREATE TABLE catalog_import (
    id          BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    source      VARCHAR(500),
    imported_at TIMESTAMP WITH TIME ZONE NOT NULL
);
