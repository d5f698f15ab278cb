-- V7 (PostgreSQL): the section a source files a headline under.
ALTER TABLE headlines ADD COLUMN category TEXT;
