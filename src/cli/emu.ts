import { run } from "./main";

// exitCode, not process.exit(): a large --json report on a pipe must be flushed first.
void run(process.argv.slice(2), {
  out: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`),
}).then((code) => {
  process.exitCode = code;
});
