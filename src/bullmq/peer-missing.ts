/** What to install when bullmq or ioredis, cx-roi/bullmq's optional peer dependencies, is not there. */
export const peerInstall =
  'cx-roi/bullmq needs the packages bullmq and ioredis installed beside cx-roi (they are optional peer dependencies): npm install bullmq ioredis';

/** The error to throw for a failed load of bullmq: says what to install when a peer is missing, else the load's own error. */
export function peerLoadError(error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const message = error instanceof Error ? error.message : '';
  // Missing bullmq itself, or ioredis, which bullmq loads: either way, one line that says what to install.
  if ((code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && /['"](bullmq|ioredis)['"]/.test(message)) {
    const missing = new Error(`${peerInstall} (${message.split('\n')[0]})`, { cause: error });
    missing.name = 'PeerDependencyError';
    return missing;
  }
  return error;
}
