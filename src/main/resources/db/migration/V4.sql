-- V4: headlines whose fan-out to the outbox has not happened yet (announced = 0). A crash between storing a new
-- headline and writing its deliveries would otherwise lose the push; on start the poller publishes these again
-- (the outbox ignores duplicates). Existing rows count as announced.
ALTER TABLE headlines ADD COLUMN announced INTEGER NOT NULL DEFAULT 1;
CREATE INDEX headlines_unannounced ON headlines (id) WHERE announced = 0;
