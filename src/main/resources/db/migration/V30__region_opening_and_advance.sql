-- « Ouverture de l'action : Non » (seed 003, §3.4): why a Région action does not open, and when the organisation said so.
ALTER TABLE training_action ADD COLUMN not_opened_reason VARCHAR(1000);
ALTER TABLE training_action ADD COLUMN not_opened_on DATE;
