-- The double-enrolment check looks up, for each trainee entered, the platform's trainees born the same day.
create index trainee_birth_date on trainee (birth_date);
