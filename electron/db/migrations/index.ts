// Numbered schema migrations, oldest first. Add a file per change; never edit a shipped one.
import type { Database } from 'better-sqlite3';
import { updateToSchemaVersion1 } from './0001-initial.ts';
import { updateToSchemaVersion2 } from './0002-workshops.ts';
import { updateToSchemaVersion3 } from './0003-evaluation-aggregates.ts';

export interface Migration {
  version: number;
  name: string;
  up: (db: Database) => void;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial schema', up: updateToSchemaVersion1 },
  { version: 2, name: 'workshops', up: updateToSchemaVersion2 },
  { version: 3, name: 'evaluation aggregates', up: updateToSchemaVersion3 },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
