-- What the validator saw when rejecting a step (issue 23): the next review shows what changed since (JSON, field by field)
ALTER TABLE rejection ADD COLUMN snapshot TEXT;
