-- A decision's and a case's priority is one of p1 (most urgent) to p4 (Priority). Every
-- stored value came from a response plan, whose priority the policy compiler has always
-- checked (the first built-in policy used p2 and p3); the queue sorts on the text.
alter table decision add constraint decision_priority_check
    check (priority in ('p1', 'p2', 'p3', 'p4'));
alter table abuse_case add constraint abuse_case_priority_check
    check (priority in ('p1', 'p2', 'p3', 'p4'));
