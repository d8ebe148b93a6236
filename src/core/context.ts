import type { Config } from './config.js';
import type { Database, Db } from './db/index.js';
import type { Now, SettableClock } from './now.js';
import { dateInZone } from './now.js';

/** What every service and route needs: the database, configuration and the one clock. */
export interface AppContext {
  config: Config;
  database: Database;
  db: Db;
  clock: SettableClock;
  now: Now;
  /** Today's calendar date in the center's zone. */
  today(): string;
}

export function makeContext(config: Config, database: Database, clock: SettableClock): AppContext {
  return {
    config,
    database,
    db: database.db,
    clock,
    now: clock.now,
    today: () => dateInZone(clock.now(), config.timeZone),
  };
}
