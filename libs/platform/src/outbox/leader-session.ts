/**
 * Server-side TCP keepalive for a session whose advisory lock makes its process a leader (the
 * outbox relay, the schedulers; ADR 0027). A killed process's kernel closes its socket and
 * PostgreSQL ends the session — and frees the lock — at once. A host that vanishes sends
 * nothing: with the server's defaults (Linux: idle 7200 s, then 9 probes 75 s apart) the lock
 * would stay held, and no replica could lead, for over two hours. These bound it to about a
 * minute. Sent as the connection's `options` (settable by any user, per session).
 */
export const LEADER_SESSION_OPTIONS =
  '-c tcp_keepalives_idle=30 -c tcp_keepalives_interval=10 -c tcp_keepalives_count=3';
