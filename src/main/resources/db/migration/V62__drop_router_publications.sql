-- The router no longer listens for ReportReceived / ReportsReceived through the event
-- publication registry (ADR 0008): a submitted report is its own to-do. Publications of
-- those events left by an earlier version would be republished on start to a listener that
-- is gone; the reports they name are still 'submitted' and the router finds them anyway.
do $$
begin
	if to_regclass('event_publication') is not null then
		delete from event_publication
		where event_type in ('org.abusedesk.intake.ReportReceived', 'org.abusedesk.intake.ReportsReceived');
	end if;
end $$;
