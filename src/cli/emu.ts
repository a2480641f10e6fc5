import { run } from "./main";

// A reader that stops early (`emu rank … | head`) closes the pipe: stop quietly, as other
// command-line tools do, instead of dying with a stack trace.
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw err;
});

/**
 * Up to this much may wait in stdout's queue before the next piece of a large report is made.
 * On Linux a pipe is written asynchronously ("Pipes (and sockets): … asynchronous on POSIX",
 * https://nodejs.org/api/process.html#a-note-on-process-io), so a report made all at once sat in
 * memory until the reader caught up (31 MB for 100,000 units, carried through every garbage
 * collection meanwhile).
 */
const QUEUED = 1 << 20;

// exitCode, not process.exit(): a large --json report on a pipe must be flushed first.
void run(process.argv.slice(2), {
  out: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`),
  write: (s) => {
    // As bytes: a queued string is moved by every scavenge, its UTF-8 buffer lives off the heap.
    process.stdout.write(Buffer.from(s, "utf8"));
    const queued = process.stdout.writableLength;
    // All of it went into the pipe: make the next piece at once.
    if (queued === 0) return undefined;
    // The pipe is full and bytes wait: give the event loop a turn, in which they go into the pipe
    // as far as the reader has emptied it. Making piece after piece without one left the reader
    // idle once the pipe's 64 KB were read, then the maker idle while the queue drained: at
    // 100,000 units the report reached its reader 0.08 s later.
    if (queued <= QUEUED) return new Promise<void>((resolve) => setImmediate(resolve));
    // 'drain' comes once the queue is empty; a reader that stops early ends the process above.
    return new Promise<void>((resolve) => process.stdout.once("drain", resolve));
  },
}).then((code) => {
  process.exitCode = code;
});
