import { openExecutor } from '../../../src/adapters/sandbox/open-executor.ts';
import { skipWithoutBwrap } from '../../helpers/bwrap.ts';
import { executorConformance } from './executor-conformance.ts';

executorConformance('bwrap', () => openExecutor({ workers: 2 }), skipWithoutBwrap());
