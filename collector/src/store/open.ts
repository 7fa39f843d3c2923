import type { Config } from '../config.ts';
import { openPostgresStore } from './postgres.ts';
import { openSqliteStore } from './sqlite.ts';
import type { Store } from './types.ts';

export const openStore = async (database: Config['database']): Promise<Store> =>
  database.kind === 'postgres' ? openPostgresStore(database.url) : openSqliteStore(database.path);
