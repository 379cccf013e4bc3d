#!/usr/bin/env node
// The `suitability` command. The CLI is TypeScript; tsx compiles it on the fly so that the package
// ships one source of truth for the engine, the studio and the command line.
import { register } from 'tsx/esm/api';

register();
// `suitability ... | head` closes the pipe early; stop quietly instead of reporting a crash.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
const { main } = await import('../src/cli/main.ts');
const { removePendingOutputs } = await import('../src/cli/sink.ts');
// Ctrl-C or a kill during a long evaluate must not leave a half-written output behind.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    removePendingOutputs();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}
const code = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  now: () => performance.now(),
});
// Let pending writes to stdout flush before the process ends.
process.exitCode = code;
