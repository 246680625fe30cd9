// The headless printer names its own Chromium feature switches, and Chromium keeps only the last of each: they must
// still turn off everything playwright-core turns off (several keep Chromium from calling Google at start-up).
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../../electron/exporters/chromiumPdf.ts';
import { skipWithoutChromium } from '../../e2e/browser.ts';

/** The command line of the Chromium this process started (its browser process talks to us over a pipe), from /proc. */
function browserCommandLine(pid = process.pid): string[] | null {
  for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
    let children: number[];
    try {
      children = fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      continue;
    }
    for (const child of children) {
      const argv = fs.readFileSync(`/proc/${child}/cmdline`, 'utf8').split('\0');
      if (argv.includes('--remote-debugging-pipe')) return argv;
      const deeper = browserCommandLine(child);
      if (deeper) return deeper;
    }
  }
  return null;
}

/** Every value of a switch on the command line, in order. */
const valuesOf = (argv: string[], name: string) => argv.filter((a) => a.startsWith(`${name}=`)).map((a) => a.slice(name.length + 1).split(',').filter(Boolean));

describe.skipIf(skipWithoutChromium() || !fs.existsSync('/proc/self/task'))('the headless printer\'s Chromium', () => {
  let browser: Browser;
  let argv: string[];

  beforeAll(async () => {
    browser = await launchChromium();
    argv = browserCommandLine() ?? [];
  });

  afterAll(async () => { await browser?.close(); });

  for (const name of ['--disable-features', '--enable-features']) {
    it(`keeps every feature playwright names in ${name}, in the switch Chromium reads (the last)`, () => {
      const all = valuesOf(argv, name);
      expect(all.length).toBeGreaterThan(0);
      const effective = all[all.length - 1];
      for (const earlier of all.slice(0, -1)) for (const feature of earlier) expect(effective, feature).toContain(feature);
    });
  }

  it('turns off the start-up calls playwright turns off', () => {
    const disabled = valuesOf(argv, '--disable-features').at(-1) ?? [];
    for (const feature of ['OptimizationHints', 'NetworkTimeServiceQuerying', 'PreconnectToSearch']) expect(disabled).toContain(feature);
  });
});
