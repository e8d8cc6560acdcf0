-- Columns a valid spike form could overflow (a 500 that lost the manager's form): every weekday ticked,
-- a description whose sanitized rendering is longer than its Markdown, a blackout date on every day of a
-- year-long spike. The form bounds each by design (8000 characters of Markdown, at most 366 blackout
-- dates); the columns now hold what those bounds allow.
ALTER TABLE spike ALTER COLUMN weekdays SET DATA TYPE VARCHAR(100);
ALTER TABLE spike ALTER COLUMN description_html SET DATA TYPE VARCHAR(1000000);
ALTER TABLE spike ALTER COLUMN blackout_dates SET DATA TYPE VARCHAR(5000);
