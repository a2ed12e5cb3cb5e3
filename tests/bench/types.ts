/** One row of the `npm run bench` table. Every tests/bench/*.ts module's `run()` returns these. */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  /** The same measurement without our work (for example the bare page), from the same run. */
  baseline?: { name: string; value: number };
  /** The goal in words: "≤ 150 ms", "≤ 1.01", "≤ 1.25 × empty" (of the baseline). Information only. */
  target?: string;
}
