-- Kept in step with the SQLite migrations, whose V5 drops the full-text table this database never had.
SELECT 1;
