// Worker thread: runs the full (symbolic) equivalence check on batches of pairs. It answers one
// message per pair, so the pool can time each check and kill this thread when one hangs.
import { parentPort } from 'node:worker_threads';
import { mathEquivalent } from '../../core/equivalence/math-equivalent.ts';

export interface CheckRequest {
  id: number;
  gold: string;
  pred: string;
}
export interface CheckReply {
  id: number;
  equal: boolean;
  error: string | null;
}

parentPort?.on('message', (batch: CheckRequest[]) => {
  for (const req of batch) {
    let reply: CheckReply;
    try {
      reply = { id: req.id, equal: mathEquivalent(req.gold, req.pred).equal, error: null };
    } catch (err) {
      reply = { id: req.id, equal: false, error: (err as Error).message };
    }
    parentPort?.postMessage(reply);
  }
});
