-- Issue 20, ADR 0014: the mitigations stored with a decision (decision.mitigations) and
-- with a proposed plan (case_proposal.plan) named their kind target, and a proposal's
-- durations had no unit (effective_after: 86400). They now say entity_type and
-- effective_after_seconds, expires_after_seconds, review_after_seconds, like the API, so
-- that one spelling remains. Only rows still in the old spelling are rewritten, so the
-- script may run again. Audit entries are hash-chained and keep the words they were
-- written with.
update decision
   set mitigations = (
       select coalesce(jsonb_agg(case when m -> 'target' is not null
                                      then (m - 'target') || jsonb_build_object('entity_type', m -> 'target')
                                      else m end
                                 order by i), '[]'::jsonb)
         from jsonb_array_elements(mitigations) with ordinality as e(m, i))
 where jsonb_path_exists(mitigations, '$[*].target');

update case_proposal
   set plan = jsonb_set(plan, '{mitigations}', (
       select coalesce(jsonb_agg(case when m -> 'target' is not null
                                      then (m - 'target' - 'effective_after' - 'expires_after' - 'review_after')
                                           || jsonb_build_object('entity_type', m -> 'target',
                                                                 'effective_after_seconds', m -> 'effective_after',
                                                                 'expires_after_seconds', m -> 'expires_after',
                                                                 'review_after_seconds', m -> 'review_after')
                                      else m end
                                 order by i), '[]'::jsonb)
         from jsonb_array_elements(plan -> 'mitigations') with ordinality as e(m, i)))
 where jsonb_path_exists(plan, '$.mitigations[*].target');
