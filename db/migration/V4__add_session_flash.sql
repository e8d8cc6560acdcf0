-- The message a form leaves for the next page ("Saved."), kept with the session and shown once:
-- never carried in the URL, and shared by every instance like the session itself.
ALTER TABLE user_session ADD COLUMN flash VARCHAR(500);
