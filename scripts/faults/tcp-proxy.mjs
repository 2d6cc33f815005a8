// A TCP proxy on 127.0.0.1 for fault injection: passes bytes through, or
//   partition(): keeps the connections open and stops moving bytes both ways (a network
//                partition shorter than TCP's own timeouts); heal() delivers what was held;
//   cut():       closes every connection and refuses new ones until heal();
//   delay(ms):   delivers every chunk ms later, in order (a slow link or a slow server).
import { createConnection, createServer } from 'node:net';

export async function startTcpProxy(targetPort, { host = '127.0.0.1' } = {}) {
  const pairs = new Set();
  let mode = 'pass';
  let delayMs = 0;

  const server = createServer((client) => {
    if (mode === 'cut') return client.destroy();
    const upstream = createConnection({ host, port: targetPort });
    const pair = { client, upstream, held: [] };
    pairs.add(pair);
    const forward = (from, to) => {
      let last = 0;
      from.on('data', (chunk) => {
        if (mode === 'partition') return pair.held.push([to, chunk]);
        if (delayMs <= 0) return to.write(chunk);
        const at = Math.max(Date.now() + delayMs, last);
        last = at;
        setTimeout(() => to.destroyed || to.write(chunk), at - Date.now());
      });
    };
    forward(client, upstream);
    forward(upstream, client);
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));

  return {
    port: server.address().port,
    partition() {
      mode = 'partition';
    },
    cut() {
      mode = 'cut';
      for (const { client, upstream } of pairs) client.destroy(), upstream.destroy();
      pairs.clear();
    },
    delay(ms) {
      delayMs = ms;
    },
    heal() {
      mode = 'pass';
      delayMs = 0;
      for (const pair of pairs) {
        for (const [to, chunk] of pair.held) if (!to.destroyed) to.write(chunk);
        pair.held = [];
      }
    },
    close() {
      this.cut();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
