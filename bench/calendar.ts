/**
 * Add-N-working-days: our compiled calendar vs chinese-days' findWorkday, in the same
 * process, on the same seeded random (from, N) pairs. Exits non-zero on any
 * disagreement. Run: npx tsx bench/calendar.ts
 */
import { WorkCalendar, fromDayNumber, toDayNumber } from '../src/core/calendar/calendar.js';

// chinese-days truncates dates to local midnight and is off by a day west of UTC;
// run it in the service's zone (ours is time-zone free).
process.env.TZ = 'Asia/Shanghai';
const { default: chineseDays } = await import('chinese-days');

const SEED = 20251001;
const PAIRS = 20_000;
const MAX_N = 60;
const MIN_MS = 1_000;

/** mulberry32: small, fast, reproducible. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makePairs(): { from: string[]; n: number[] } {
  const rand = rng(SEED);
  const first = toDayNumber('2004-01-01');
  const span = toDayNumber('2026-12-31') - first + 1;
  const from: string[] = [];
  const n: number[] = [];
  for (let i = 0; i < PAIRS; i++) {
    from.push(fromDayNumber(first + Math.floor(rand() * span)));
    n.push(Math.floor(rand() * (MAX_N + 1)));
  }
  return { from, n };
}

/** Runs `pass` (one sweep over all pairs) until MIN_MS has passed; returns ops/s. */
function rate(pass: () => void): number {
  pass(); // warm-up
  let passes = 0;
  const t0 = performance.now();
  let elapsed = 0;
  do {
    pass();
    passes++;
    elapsed = performance.now() - t0;
  } while (elapsed < MIN_MS);
  return (passes * PAIRS) / (elapsed / 1000);
}

function fmt(x: number): string {
  return Math.round(x).toLocaleString('en-US');
}

function main(): void {
  const t0 = performance.now();
  const cal = WorkCalendar.national();
  const buildMs = performance.now() - t0;
  const t1 = performance.now();
  cal.withOverrides([], [{ date: '2025-10-09', kind: 'localClosure' }]);
  const overrideMs = performance.now() - t1;

  const { from, n } = makePairs();
  const ours: string[] = new Array(PAIRS);
  const theirs: string[] = new Array(PAIRS);
  let sink = 0;

  const oursRate = rate(() => {
    for (let i = 0; i < PAIRS; i++) ours[i] = cal.addWorkingDays(from[i]!, n[i]!).date;
  });
  const theirsRate = rate(() => {
    for (let i = 0; i < PAIRS; i++) theirs[i] = chineseDays.findWorkday(n[i]!, from[i]!);
  });
  const fromNum = from.map(toDayNumber);
  const numRate = rate(() => {
    for (let i = 0; i < PAIRS; i++) sink += cal.addWorkingDaysNum(fromNum[i]!, n[i]!);
  });

  let disagreements = 0;
  for (let i = 0; i < PAIRS; i++) {
    if (ours[i] !== theirs[i]) {
      if (disagreements < 5) console.log(`DISAGREE ${from[i]} + ${n[i]}: ours ${ours[i]}, chinese-days ${theirs[i]}`);
      disagreements++;
    }
  }

  console.log(`pairs:              ${fmt(PAIRS)} (seed ${SEED}, from 2004-01-01..2026-12-31, N 0..${MAX_N})`);
  console.log(`index build:        national ${buildMs.toFixed(1)} ms (first call, incl. JSON), with overrides ${overrideMs.toFixed(2)} ms`);
  console.log(`chinese-days:       ${fmt(theirsRate)} ops/s  (findWorkday)`);
  console.log(`ours (ISO strings): ${fmt(oursRate)} ops/s  (WorkCalendar.addWorkingDays)`);
  console.log(`ours (day numbers): ${fmt(numRate)} ops/s  (WorkCalendar.addWorkingDaysNum)`);
  console.log(`ratio:              ${fmt(oursRate / theirsRate)}x (ISO), ${fmt(numRate / theirsRate)}x (day numbers); goal >= 1000x`);
  console.log(`disagreements:      ${disagreements} of ${fmt(PAIRS)}; goal 0`);
  if (sink === -1) console.log(''); // keeps the numeric loop from being optimized away
  if (disagreements > 0) process.exit(1);
}

main();
