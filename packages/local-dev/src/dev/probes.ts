import { connect } from 'node:net';

/**
 * Asks host:port a protocol question and says whether the answer fits. A bare TCP connect would
 * take any listener for the server we want; these send the smallest real request instead.
 */
function probe(host: string, port: number, request: Buffer, fits: (reply: Buffer) => boolean, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    let answered = false;
    const finish = (ok: boolean) => {
      if (answered) return;
      answered = true;
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.on('connect', () => socket.write(request));
    socket.on('data', (reply) => finish(fits(reply)));
    socket.on('error', () => finish(false));
    socket.on('close', () => finish(false));
  });
}

/** Postgres answers an SSLRequest with a single 'S' or 'N'. */
export function probePostgres(host = '127.0.0.1', port = 5432, timeoutMs = 1_500): Promise<boolean> {
  const sslRequest = Buffer.from([0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f]);
  return probe(host, port, sslRequest, (r) => r.length >= 1 && (r[0] === 0x53 || r[0] === 0x4e), timeoutMs);
}

/** Redis answers PING with +PONG (or -NOAUTH when it wants a password: still a Redis). */
export function probeRedis(host = '127.0.0.1', port = 6379, timeoutMs = 1_500): Promise<boolean> {
  return probe(host, port, Buffer.from('PING\r\n'), (r) => /^(\+PONG|-NOAUTH)/.test(r.toString('latin1')), timeoutMs);
}
