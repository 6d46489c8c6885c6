// Run as a child process by the SQLite concurrency tests: opens the store at argv[2], records one run
// whose id is argv[3], and closes it. Exits 0 on success; an error ends the process with its message.
import { openSqliteStore } from '../../src/adapters/store/sqlite/open-sqlite-store.ts';
import { runSpec } from './fixtures.ts';

const [file, runId] = process.argv.slice(2);
const store = await openSqliteStore(file!);
await store.createRun(runSpec({ id: runId! }));
await store.close();
