-- A month not confirmed in time is postponed, once per missed deadline: how many times, and its first deadline
-- (how late it is). Rows postponed before this column existed count one postponement.
alter table monthly_declaration add column postponements integer not null default 0;
alter table monthly_declaration add column first_deadline date;
-- the day a postponed month can be confirmed again (the end of the next period, or at once when already overdue)
alter table monthly_declaration add column reopens_on date;
update monthly_declaration set first_deadline = deadline;
update monthly_declaration set postponements = 1 where status = 'POSTPONED';
