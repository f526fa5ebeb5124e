-- One database per service (each context owns its data), plus the shared key store
-- for personal-data encryption keys (crypto-shredding). Same list as tools/platform/main.ts,
-- plus Keycloak's own database and the console's (sessions, the auditor's reveal log).
create database santunan_enrollment;
create database santunan_contributions;
create database santunan_claims;
create database santunan_payouts;
create database santunan_keys;
create database santunan_keycloak;
create database santunan_console;
