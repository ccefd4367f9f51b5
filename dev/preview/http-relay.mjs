// The preview's HTTP server, in a worker thread (see preview.ts): it accepts requests while the main thread is
// busy running an execution, and hands each one to the main thread as { id, method, url, body } on the port it
// was given; the main thread answers { id, status, type, body } when it gets to it — at once when idle, or at
// the running execution's next wait point.
import { Buffer } from 'node:buffer';
import { createServer } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { port, listenPort, host } = workerData;
const waiting = new Map();
let nextId = 0;

port.on('message', (answer) => {
  const res = waiting.get(answer.id);
  if (!res) return;
  waiting.delete(answer.id);
  res.writeHead(answer.status, {
    'Content-Type': `${answer.type}; charset=utf-8`,
    'Cache-Control': 'no-store',
  });
  res.end(answer.body);
});

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const id = ++nextId;
    waiting.set(id, res);
    port.postMessage({
      id,
      method: req.method,
      url: req.url,
      body: Buffer.concat(chunks).toString('utf8'),
    });
  });
});

server.once('error', (error) => parentPort.postMessage({ error: error.message }));
server.listen(listenPort, host, () => parentPort.postMessage({ listening: server.address().port }));

parentPort.on('message', (message) => {
  if (message !== 'close') return;
  server.close(() => {
    port.close();
    parentPort.close();
  });
  server.closeAllConnections();
});
