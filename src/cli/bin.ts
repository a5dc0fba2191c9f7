#!/usr/bin/env node
// The version only: the build keeps the one field, not the whole manifest.
import { version } from '../../package.json';
import { endOnFailedWrites, readInput } from './io.js';
import { runCli } from './main.js';

// A closed pipe ends quietly; any other failed write in one line and exit code 1.
endOnFailedWrites();

const code = await runCli(
  process.argv.slice(2),
  {
    // Each piece waits for the event loop, so a closed pipe is noticed before the next one is made.
    stdout: (text) => new Promise<void>((resolve) => process.stdout.write(text, () => resolve())),
    stderr: (text) => process.stderr.write(text),
    stderrIsTTY: process.stderr.isTTY === true,
    // Regular files and standard input (-), each up to a size cap.
    readFile: (path) => readInput(path),
    onStop: (stop) => {
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
  },
  version,
);
process.exitCode = code;
// Everything is written once runCli returns; a Redis client still retrying a connection that never came
// must not keep the process alive (an unreferenced timer fires only while something else holds the loop).
setTimeout(() => process.exit(code), 200).unref();
