import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A schema migration file, `NNN_name.sql`; applied in ascending NNN order and recorded in `schema_migrations`. */
export type Migration = { version: number; name: string; sql: string };

const MIGRATIONS_ROOT = fileURLToPath(new URL('../../migrations/', import.meta.url));

export function loadMigrations(dialect: 'sqlite' | 'postgres', root = MIGRATIONS_ROOT): Migration[] {
  const dir = `${root}${dialect}`;
  return readdirSync(dir)
    .flatMap((file) => {
      const match = /^(\d{3})_([\w-]+)\.sql$/.exec(file);
      return match ? [{ version: Number(match[1]), name: match[2], sql: readFileSync(`${dir}/${file}`, 'utf8') }] : [];
    })
    .sort((a, b) => a.version - b.version);
}
