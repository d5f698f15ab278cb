-- V4 (PostgreSQL): headlines whose fan-out to the outbox has not happened yet (announced = 0).
ALTER TABLE headlines ADD COLUMN announced INTEGER NOT NULL DEFAULT 1;
CREATE INDEX headlines_unannounced ON headlines (id) WHERE announced = 0;
