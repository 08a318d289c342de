-- Staff accounts managed for real (issue 19): a user can be disabled (no sign-in, its
-- tokens refused, all kept for the record), the console notes the last sign-in, a new
-- password ends the sessions signed in before it, and a staff token may expire.
alter table staff_user add column disabled_at timestamptz;
alter table staff_user add column last_sign_in_at timestamptz;
alter table staff_user add column password_set_at timestamptz;

alter table api_token add column expires_at timestamptz;
