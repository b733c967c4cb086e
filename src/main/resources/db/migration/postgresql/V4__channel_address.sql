-- An opaque conversation reference for platforms that need one to post later.
ALTER TABLE schedules ADD COLUMN address TEXT COLLATE "C";
ALTER TABLE posts ADD COLUMN address TEXT COLLATE "C";
