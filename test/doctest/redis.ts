import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';

/** Where Debian (or a local build) installs redis-server; undefined when it is not installed. */
export const redisServer = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((path) => existsSync(path));

/** A TCP port free on the loopback address now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Whether a Redis server answers PING on `port`. */
function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let reply = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });
}

/**
 * Starts a redis-server of its own (no persistence) on a free loopback port and waits until it answers.
 * @throws Error saying what to install when redis-server is not installed, or that it did not start.
 */
export async function startRedis(): Promise<{ server: ChildProcess; address: string }> {
  if (!redisServer)
    throw new Error(
      'redis-server is not installed, and the examples of cx-roi/bullmq run on one: install it (Debian: apt-get install -y redis-server)',
    );
  const port = await freePort();
  const flags = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  const server = spawn(redisServer, flags, { stdio: 'ignore' });
  const end = Date.now() + 20_000;
  while (!(await answers(port))) {
    if (server.exitCode !== null || Date.now() > end) {
      server.kill('SIGKILL');
      throw new Error(`redis-server did not start on port ${port} (exit code ${server.exitCode})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { server, address: `redis://127.0.0.1:${port}` };
}
