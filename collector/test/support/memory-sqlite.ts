import { openSqliteStore } from '../../src/store/sqlite.ts';
import type { Store } from '../../src/store/types.ts';

/** A fresh in-memory SQLite store per test: same code path as a file, nothing to clean up. */
export const memoryStore = (): Store => openSqliteStore(':memory:');
