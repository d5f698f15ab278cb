-- V7: the section a source files a headline under (খেলা, বিশ্ব, রাজনীতি, ...): a feed item's first <category>, else
-- the first segment of its URL's path when that is a word (/sports/cricket/1146793 -> sports); NULL when neither.
-- Self-contained: touches only this column, so it applies whether or not V6 ran first.
ALTER TABLE headlines ADD COLUMN category TEXT;
