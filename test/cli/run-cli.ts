import { runCli } from '../../src/cli/main.js';

/** Runs the CLI in-process with the given files, and gives its exit code and what it wrote. */
export async function cli(args: string[], files: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(
    args,
    {
      stdout: (t) => {
        stdout += t;
      },
      stderr: (t) => {
        stderr += t;
      },
      stderrIsTTY: false,
      readFile: async (path) => {
        const text = files[path];
        if (text === undefined) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
        return text;
      },
    },
    '1.2.3',
  );
  return { code, stdout, stderr };
}
