-- The task the organisation was doing when it uploaded a document (e.g. "Contractualiser l'action").
alter table document add column task_id varchar(64);
alter table document add column task_name varchar(255);
