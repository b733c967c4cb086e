-- Search moved to an in-memory index of the bank; its full-text table is no longer written.
DROP TABLE IF EXISTS question_fts;
