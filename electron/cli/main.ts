// The headless command line: the same services as the app, for automation and tests.
//   npm run cli -- export --db FILE                 print the workspace as JSON (docs/workspace-json.md)
//   npm run cli -- import --db FILE --json IN       load such a JSON in one transaction (creates FILE if missing)
//   plan, generate, roadmap, ics, csv: see `npm run cli -- help`
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { OfframpError } from '../../shared/errors.ts';
import { commands as coreCommands, type CliCommand } from './commands.ts';

/**
 * Commands whose modules carry heavy dependencies (pdf-lib, the print server, yaml, ics) load only when they run or
 * when the usage is printed: the bundle then initialises just what `plan` and the other core commands need.
 */
const lazyCommands: Record<string, () => Promise<CliCommand>> = {
  roadmap: async () => (await import('./roadmap.ts')).roadmapCommand,
  ics: async () => (await import('./roadmap.ts')).icsCommand,
  csv: async () => (await import('./roadmap.ts')).csvCommand,
  baseline: async () => (await import('./baseline.ts')).baselineCommand,
  evalset: async () => (await import('./evalset.ts')).evalsetCommand,
  minutes: async () => (await import('./minutes.ts')).minutesCommand,
};

/**
 * Writes text to stdout or stderr through the descriptor, encoded into one buffer: a plan is megabytes of text, and
 * process.stdout.write(string) spends several times longer turning it into a Buffer than encoding and writing take.
 * A descriptor that is non-blocking (EAGAIN) gets the rest through the stream, which waits for it.
 */
let throughStreams = false;
function writeTo(fd: number, stream: NodeJS.WriteStream, text: string): void {
  if (throughStreams) {
    stream.write(text);
    return;
  }
  const buffer = Buffer.allocUnsafe(text.length * 3);
  const length = buffer.write(text, 0, 'utf8');
  let offset = 0;
  try {
    while (offset < length) offset += fs.writeSync(fd, buffer, offset, length - offset);
  } catch (e) {
    if ((e as { code?: string }).code !== 'EAGAIN') throw e;
    throughStreams = true; // later text must queue behind this
    stream.write(buffer.subarray(offset, length));
  }
}

async function usage(): Promise<string> {
  const commands: Record<string, CliCommand> = { ...coreCommands };
  for (const [name, load] of Object.entries(lazyCommands)) commands[name] = await load();
  return `Offramp command line

Usage: npm run cli -- <command> [options]

Commands:
${Object.entries(commands).map(([name, c]) => `  ${name.padEnd(9)} ${c.summary}\n            ${c.usage}`).join('\n')}
`;
}

async function run(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(await usage());
    return name ? 0 : 2;
  }
  const command: CliCommand | undefined = Object.hasOwn(coreCommands, name) ? coreCommands[name]
    : Object.hasOwn(lazyCommands, name) ? await lazyCommands[name]() : undefined;
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n\n${await usage()}`);
    return 2;
  }
  const { values } = parseArgs({ args: rest, options: command.options, strict: true, allowPositionals: false });
  return command.run(values as Record<string, string | boolean | undefined>, {
    out: (text) => writeTo(1, process.stdout, text),
    err: (text) => writeTo(2, process.stderr, text),
    resolve: (p) => path.resolve(process.cwd(), p),
    exists: (p) => fs.existsSync(p),
  });
}

run(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
}, async (e: unknown) => {
  if (e instanceof OfframpError) {
    const where = [e.file, e.line !== undefined ? `line ${e.line}` : undefined, e.field ? `field ${e.field}` : undefined].filter(Boolean).join(', ');
    process.stderr.write(`offramp: ${e.message}${where ? ` (${where})` : ''}\n`);
  } else if ((e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`offramp: ${(e as Error).message}\n\n${await usage()}`);
  } else {
    process.stderr.write(`offramp: ${(e as Error).stack ?? String(e)}\n`);
  }
  process.exitCode = 1;
});
