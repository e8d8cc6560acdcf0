-- Users see their sessions at /account/sessions and end any of them: each session gets a public handle
-- (never its id or the id's hash) and remembers the client it was started from.
ALTER TABLE user_session ADD COLUMN handle VARCHAR(32);
ALTER TABLE user_session ADD COLUMN client VARCHAR(200);
ALTER TABLE user_session ADD COLUMN address VARCHAR(64);
CREATE UNIQUE INDEX uq_user_session_handle ON user_session (handle);
