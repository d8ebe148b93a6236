/**
 * Every PostgreSQL advisory-lock id of the product, in one place. A scheduled job takes its
 * id with pg_try_advisory_xact_lock: two jobs sharing an id would skip each other on
 * PostgreSQL (one waits for its next run while the other holds the lock), so each id is
 * used once — `locks.test.ts` checks it, and that no code takes a numeric lock that is not
 * listed here.
 *
 * Ranges: 7270xx the platform (migrations, audit, demo seed), 7271xx cases, 7272xx
 * notifications, 7273xx supervision and fees, 7274xx hall, duty, feedback and party.
 * Locks keyed by a hash (`hashtext(…)`, e.g. the supervision report's per-center lock) or
 * taken with two keys (the hall's `(HALL_EVENTS, hashtext(center))`: PostgreSQL keeps
 * one-key and two-key locks apart) are not listed one by one.
 */
export const LOCK = {
  /** Migrations at start-up (src/core/db/index.ts): one instance migrates, the others wait. */
  migrations: 727001,
  /** The demo seed on an empty database (src/server.ts): instances starting together seed once. */
  demoSeed: 727002,
  /** The audit sealer (src/core/audit/seal.ts) and its job. */
  auditSeal: 727003,

  supplementTimeout: 727101,
  jointDefaults: 727102,
  singleDefaults: 727103,
  pledgeOverdue: 727104,
  calendarRecalc: 727105,
  /** Every other registered working-day deadline after a calendar change (src/core/deadlines/recalc.ts). */
  deadlineRecalc: 727106,

  /** Reserved: the outbox worker claims rows one by one (SKIP LOCKED) and takes no job lock. */
  outbox: 727201,

  supervisionLights: 727301,
  supervisionEscalation: 727302,
  supervisionAnomalies: 727303,
  windowStaffing: 727304,
  feeAnomalies: 727305,

  hallSweep: 727401,
  /** First key of the hall's two-key per-center event lock (src/hall/bus.ts). */
  hallEvents: 727400,
  feedbackInvitations: 727411,
  feedbackRectification: 727412,
  feedbackComplaints: 727413,
  dutyOffHours: 727421,
  dutyLeaderMisses: 727422,
  /** Issuing a duty circular or bulletin (numbered in the center's yearly sequence). */
  dutyDocuments: 727423,
  partyReminders: 727431,
} as const;

export type LockId = (typeof LOCK)[keyof typeof LOCK];
