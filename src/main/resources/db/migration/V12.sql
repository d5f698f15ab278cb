-- V12 (stories): the story each headline belongs to, the message a push became, and a chat's story setting.
--
-- story_id: the id of the story's first headline; a headline that starts a story (and every row written before V12)
-- has its own id. SQLite cannot add a column whose default is another column, so the column may be NULL for an
-- instant only: the trigger below fills it with the row's own id right after the insert, and NewsDesk moves it to
-- an earlier headline's story when the story index says so. Reads still COALESCE(story_id, id), so a row written by
-- hand counts as its own story.
ALTER TABLE headlines ADD COLUMN story_id INTEGER;
UPDATE headlines SET story_id = id WHERE story_id IS NULL;
CREATE INDEX IF NOT EXISTS headlines_story ON headlines (story_id);
CREATE TRIGGER IF NOT EXISTS headlines_own_story AFTER INSERT ON headlines WHEN new.story_id IS NULL BEGIN UPDATE headlines SET story_id = new.id WHERE id = new.id; END;

-- message_id: Telegram's id of the message a delivered headline row went out as (a single push; NULL for a digest, an
-- announcement, or a row delivered before V12), so the message can be edited to list the story's other portals.
-- story_more: how many other portals' copies the message lists already (0 when never edited); an edit is due when
-- the story has more copies for the chat than that.
ALTER TABLE outbox ADD COLUMN message_id INTEGER;
ALTER TABLE outbox ADD COLUMN story_more INTEGER NOT NULL DEFAULT 0;

-- A chat's stories (/settings → শীর্ষ খবর, একই খবর একবার): 0 = each story once (the default), 1 = every portal's copy
-- (as before stories), 2 = top stories only: a story is pushed once it is carried by at least top_portals portals.
ALTER TABLE chat_settings ADD COLUMN stories INTEGER NOT NULL DEFAULT 0;
ALTER TABLE chat_settings ADD COLUMN top_portals INTEGER NOT NULL DEFAULT 3;
-- The chats that changed it: read once per new headline by delivery's StoryRule.
CREATE INDEX IF NOT EXISTS chat_settings_stories ON chat_settings (chat_id) WHERE stories <> 0;
