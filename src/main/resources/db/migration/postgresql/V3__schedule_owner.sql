-- Who set a channel's schedule: told directly when the platform refuses its posts.
ALTER TABLE schedules ADD COLUMN set_by TEXT COLLATE "C";
