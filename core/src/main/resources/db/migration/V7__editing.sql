-- Editing the register (issue 9): a hamlet is abolished on a day, a hamlet worker leaves on a day;
-- both stay in the register with their history, like staff who left.
ALTER TABLE hamlet ADD COLUMN abolished_on DATE;
ALTER TABLE hamlet_worker ADD COLUMN end_date DATE;
