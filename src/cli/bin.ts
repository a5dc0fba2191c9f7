#!/usr/bin/env node
import { readFile } from 'node:fs/promises';
import packageJson from '../../package.json' with { type: 'json' };
import { runCli } from './main.js';

const code = await runCli(
  process.argv.slice(2),
  {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stderrIsTTY: process.stderr.isTTY === true,
    readFile: (path) => readFile(path, 'utf8'),
  },
  packageJson.version,
);
process.exitCode = code;
