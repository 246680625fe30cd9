// The headless command line: the same services as the app, for automation and tests.
//   npm run cli -- export --db FILE                 print the workspace as JSON (docs/workspace-json.md)
//   npm run cli -- import --db FILE --json IN       load such a JSON in one transaction (creates FILE if missing)
//   plan, generate, roadmap, ics, csv: see `npm run cli -- help`
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { OfframpError } from '../../shared/errors.ts';
import { commands as coreCommands, type CliCommand } from './commands.ts';
import { csvCommand, icsCommand, roadmapCommand } from './roadmap.ts';
import { baselineCommand } from './baseline.ts';
import { evalsetCommand } from './evalset.ts';
import { minutesCommand } from './minutes.ts';

const commands: Record<string, CliCommand> = { ...coreCommands, roadmap: roadmapCommand, ics: icsCommand, csv: csvCommand, baseline: baselineCommand, evalset: evalsetCommand, minutes: minutesCommand };

const USAGE = `Offramp command line

Usage: npm run cli -- <command> [options]

Commands:
${Object.entries(commands).map(([name, c]) => `  ${name.padEnd(9)} ${c.summary}\n            ${c.usage}`).join('\n')}
`;

async function run(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(USAGE);
    return name ? 0 : 2;
  }
  const command: CliCommand | undefined = commands[name];
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n\n${USAGE}`);
    return 2;
  }
  const { values } = parseArgs({ args: rest, options: command.options, strict: true, allowPositionals: false });
  return command.run(values as Record<string, string | boolean | undefined>, {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    resolve: (p) => path.resolve(process.cwd(), p),
    exists: (p) => fs.existsSync(p),
  });
}

run(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
}, (e: unknown) => {
  if (e instanceof OfframpError) {
    const where = [e.file, e.line !== undefined ? `line ${e.line}` : undefined, e.field ? `field ${e.field}` : undefined].filter(Boolean).join(', ');
    process.stderr.write(`offramp: ${e.message}${where ? ` (${where})` : ''}\n`);
  } else if ((e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`offramp: ${(e as Error).message}\n\n${USAGE}`);
  } else {
    process.stderr.write(`offramp: ${(e as Error).stack ?? String(e)}\n`);
  }
  process.exitCode = 1;
});
