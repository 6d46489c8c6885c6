import { findBwrap } from '../../src/adapters/sandbox/open-executor.ts';

/** For `test(name, { skip: skipWithoutBwrap() }, ...)`: a visible reason when bubblewrap is absent. */
export function skipWithoutBwrap(): string | false {
  return findBwrap() ? false : 'bubblewrap (/usr/bin/bwrap) is not installed: sandbox tests need it';
}
