// Worker thread: runs the full (symbolic) equivalence check on batches of pairs. It loads and warms the
// engine first and only then says it is ready, so start-up never counts against a check's budget. It
// answers one message per pair on its reply port, so the pool can time each check and kill this thread
// when one hangs.
import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import { mathEquivalent } from '../../core/equivalence/math-equivalent.ts';

export interface CheckRequest {
  id: number;
  gold: string;
  pred: string;
}
export type CheckReply = { ready: true } | { id: number; equal: boolean; error: string | null };

const replies = (workerData as { replies: MessagePort }).replies;
// warm-up: parse, evaluate and sample once, so the first real check does not pay for the engine's set-up
mathEquivalent('\\frac{x^2-1}{x-1}', 'x+1');
mathEquivalent('\\sqrt{8}', '2\\sqrt{2}');
replies.postMessage({ ready: true } satisfies CheckReply);

parentPort?.on('message', (batch: CheckRequest[]) => {
  for (const req of batch) {
    let reply: CheckReply;
    try {
      reply = { id: req.id, equal: mathEquivalent(req.gold, req.pred).equal, error: null };
    } catch (err) {
      reply = { id: req.id, equal: false, error: (err as Error).message };
    }
    replies.postMessage(reply);
  }
});
