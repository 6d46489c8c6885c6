import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';

/**
 * A network namespace joined to this host by a veth pair: a process started in it (`ip netns exec`)
 * reaches this host only at `hostIp`, over the veth link, as a process on another machine would.
 */
export interface WorkerNetns {
  name: string;
  hostIp: string;
  workerIp: string;
  remove(): void;
}

const ip = (...args: string[]) => execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'pipe'] });

/** Creates the namespace, or says in one line why it cannot be made here (not root, no `ip`, no rights). */
export function makeWorkerNetns(): WorkerNetns | string {
  if (process.getuid?.() !== 0) return 'network namespaces need root';
  const tag = `${process.pid % 100_000}`;
  const name = `ys-w-${tag}`;
  const hostEnd = `ysh${tag}`;
  const workerEnd = `ysw${tag}`;
  const net16 = 100 + (process.pid % 100);
  const subnet = (process.pid >> 2) % 250;
  const hostIp = `10.${net16}.${subnet}.1`;
  const workerIp = `10.${net16}.${subnet}.2`;
  try {
    ip('netns', 'add', name);
  } catch (err) {
    return `cannot create a network namespace here: ${String((err as { stderr?: Buffer }).stderr ?? err).trim()}`;
  }
  const remove = () => {
    try {
      ip('netns', 'del', name);
    } catch {}
    try {
      ip('link', 'del', hostEnd);
    } catch {}
  };
  try {
    ip('link', 'add', hostEnd, 'type', 'veth', 'peer', 'name', workerEnd);
    ip('link', 'set', workerEnd, 'netns', name);
    ip('addr', 'add', `${hostIp}/30`, 'dev', hostEnd);
    ip('link', 'set', hostEnd, 'up');
    ip('netns', 'exec', name, 'ip', 'addr', 'add', `${workerIp}/30`, 'dev', workerEnd);
    ip('netns', 'exec', name, 'ip', 'link', 'set', workerEnd, 'up');
    ip('netns', 'exec', name, 'ip', 'link', 'set', 'lo', 'up');
  } catch (err) {
    remove();
    return `cannot join a network namespace to this host: ${String((err as { stderr?: Buffer }).stderr ?? err).trim()}`;
  }
  return { name, hostIp, workerIp, remove };
}

/** A TCP relay on `host` to a port of 127.0.0.1, noting the address every connection came from. */
export async function relay(
  host: string,
  targetPort: number,
): Promise<{ port: number; peers: string[]; close(): Promise<void> }> {
  const peers: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    peers.push(client.remoteAddress ?? '?');
    const upstream = net.connect(targetPort, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  server.listen(0, host);
  await once(server, 'listening');
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    peers,
    close: async () => {
      for (const s of sockets) s.destroy();
      server.close();
      await once(server, 'close').catch(() => undefined);
    },
  };
}
