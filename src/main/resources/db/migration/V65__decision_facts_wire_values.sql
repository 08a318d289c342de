-- Decision facts were written by Jackson with the service's Java constant (PROXY) because
-- the glossary's enums did not name their wire value to Jackson. They now serialise as
-- their wire value (proxy); the stored facts are brought to the same spelling, so that a
-- backtest replays the same words whatever Jackson's settings. Reading stays lenient.
update decision
   set facts = jsonb_set(facts, '{service}', to_jsonb(lower(facts ->> 'service')))
 where facts ->> 'service' is not null
   and facts ->> 'service' <> lower(facts ->> 'service');
