-- V12 (PostgreSQL, stories): the story each headline belongs to, the message a push became, a chat's story setting
-- (see SQLite's V12). A headline that starts a story has its own id as story_id: set before the insert here, where
-- SQLite's trigger fixes it up after.
ALTER TABLE headlines ADD COLUMN story_id BIGINT;
UPDATE headlines SET story_id = id WHERE story_id IS NULL;
CREATE INDEX IF NOT EXISTS headlines_story ON headlines (story_id);
CREATE FUNCTION headlines_own_story() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.story_id IS NULL THEN
        NEW.story_id := NEW.id;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER headlines_own_story BEFORE INSERT ON headlines FOR EACH ROW EXECUTE FUNCTION headlines_own_story();

ALTER TABLE outbox ADD COLUMN message_id BIGINT;
ALTER TABLE outbox ADD COLUMN story_more INTEGER NOT NULL DEFAULT 0;

ALTER TABLE chat_settings ADD COLUMN stories INTEGER NOT NULL DEFAULT 0;
ALTER TABLE chat_settings ADD COLUMN top_portals INTEGER NOT NULL DEFAULT 3;
CREATE INDEX IF NOT EXISTS chat_settings_stories ON chat_settings (chat_id) WHERE stories <> 0;
