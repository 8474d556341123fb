-- The number was unique over the whole table under a name H2 chose itself: the column is rebuilt without it, then the
-- number is unique per issuer.
alter table invoice add column issued_number varchar(30);
update invoice set issued_number = number;
alter table invoice drop column number;
alter table invoice alter column issued_number rename to number;
create unique index invoice_number_per_issuer on invoice (issuer_id, number);
