/**
 * Deadline rules (pure: no browser imports; "today" is always an argument).
 *
 * - ./rules.ts: the deadlines that follow from a sent letter — the reply date it asked for,
 *   45 calendar days for a records request (34 C.F.R. § 300.613(a)), 60 calendar days for OPI's
 *   decision on a state complaint (34 C.F.R. § 300.152(a)), 15 business days for OPI's Early
 *   Assistance Program (ARM 10.16.3660).
 * - ./business-days.ts: Montana business days (Mon–Fri minus MCA 1-1-216 legal holidays).
 * - ./one-year.ts: missed sessions nearing the one-year limit for a state complaint.
 * - ./next-steps.ts: what to write next when a deadline passes without a response.
 */
export * from './rules';
export * from './business-days';
export * from './one-year';
export * from './next-steps';
