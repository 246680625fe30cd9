// Per-user preferences (actor name, recent files, window bounds) in a JSON file outside any workspace.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface StoredPreferences {
  actorName: string;
  recent: string[];
  windowBounds: { x?: number; y?: number; width: number; height: number } | null;
}

const MAX_RECENT = 10;

export class PreferencesStore {
  private readonly file: string;
  private value: StoredPreferences;

  constructor(configDir: string) {
    this.file = path.join(configDir, 'preferences.json');
    this.value = { actorName: safeUserName(), recent: [], windowBounds: null };
    try {
      const parsed = JSON.parse(fs.readFileSync(this.file, 'utf8')) as Partial<StoredPreferences>;
      this.value = { ...this.value, ...parsed, recent: Array.isArray(parsed.recent) ? parsed.recent.filter((p) => typeof p === 'string') : [] };
    } catch {
      // First run or unreadable preferences: start from defaults; the file is rewritten on the next change.
    }
  }

  get(): StoredPreferences {
    return this.value;
  }

  update(patch: Partial<StoredPreferences>): StoredPreferences {
    this.value = { ...this.value, ...patch };
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(this.value, null, 2));
    fs.renameSync(tmp, this.file);
    return this.value;
  }

  addRecent(file: string): void {
    this.update({ recent: [file, ...this.value.recent.filter((p) => p !== file)].slice(0, MAX_RECENT) });
  }
}

function safeUserName(): string {
  try {
    return os.userInfo().username || 'Offramp user';
  } catch {
    return 'Offramp user';
  }
}
