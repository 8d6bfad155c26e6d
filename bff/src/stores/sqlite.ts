/**
 * Every SQLite database of the BFF (sessions, audit trail) is opened here. better-sqlite3 is a native addon
 * built for one Node ABI at install; SQLITE_NATIVE_BINDING names an addon built for the running Node instead,
 * so the same install runs on another Node major (`npm test` runs the unit tests on Node 24 this way).
 */
import Database from 'better-sqlite3';

export function openSqlite(path: string, options: Database.Options = {}): Database.Database {
  const nativeBinding = process.env.SQLITE_NATIVE_BINDING;
  return new Database(path, nativeBinding ? { ...options, nativeBinding } : options);
}
