import { run } from "./main";

// A reader that stops early (`emu rank … | head`) closes the pipe: stop quietly, as other
// command-line tools do, instead of dying with a stack trace.
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw err;
});

// exitCode, not process.exit(): a large --json report on a pipe must be flushed first.
void run(process.argv.slice(2), {
  out: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`),
  write: (s) => process.stdout.write(s),
}).then((code) => {
  process.exitCode = code;
});
