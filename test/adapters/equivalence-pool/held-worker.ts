// Worker thread for tests: the real equivalence worker, except that it starts only when the test opens
// the gate, and it counts every reply it posts, so a test can block until a reply is waiting in the port.
import { type MessagePort, workerData } from 'node:worker_threads';

const { control, replies } = workerData as { control: Int32Array; replies: MessagePort };
// control[0] = 0 holds the start (the test stores 1 and notifies); control[1] counts the replies posted
const GATE = 0;
const REPLIES = 1;

Atomics.wait(control, GATE, 0);
const post = replies.postMessage.bind(replies);
replies.postMessage = (message: unknown) => {
  post(message);
  Atomics.add(control, REPLIES, 1);
  Atomics.notify(control, REPLIES);
};
await import('../../../src/adapters/equivalence-pool/equivalence-worker.ts');
