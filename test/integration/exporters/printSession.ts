// Teardown of a headless print set-up (Chromium, the renderer server, the workspace session and its folder), in the
// order each depends on the next; any of them may be missing when the set-up failed part way.
import fs from 'node:fs';

interface Closable { close(): Promise<unknown> | unknown }

export async function closePrintSetup(parts: { browser?: Closable; server?: Closable; session?: Closable; dir?: string }): Promise<void> {
  await parts.browser?.close();
  await parts.server?.close();
  await parts.session?.close();
  if (parts.dir) fs.rmSync(parts.dir, { recursive: true, force: true });
}
