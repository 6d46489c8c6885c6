/**
 * Date windows on contest_date (start inclusive, end exclusive), selectable with --release.
 *  - release_v1 ... release_v6: LiveCodeBench's cumulative releases (every problem from May 2023 up to
 *    the release's last month: Mar 2024, May 2024, Jul 2024, Sep 2024, Jan 2025, Apr 2025).
 *  - v5: the window the catalog's livecodebench-v5 benchmark uses (2024-08 to 2025-01, as papers
 *    comparing with DeepSeek-R1 report it). v6: the problems of 2025-02 to 2025-04.
 */
export const LCB_RELEASES: Record<string, { since: string; until: string }> = {
  release_v1: { since: '2023-05-01', until: '2024-04-01' },
  release_v2: { since: '2023-05-01', until: '2024-06-01' },
  release_v3: { since: '2023-05-01', until: '2024-08-01' },
  release_v4: { since: '2023-05-01', until: '2024-10-01' },
  release_v5: { since: '2023-05-01', until: '2025-02-01' },
  release_v6: { since: '2023-05-01', until: '2025-05-01' },
  v5: { since: '2024-08-01', until: '2025-02-01' },
  v6: { since: '2025-02-01', until: '2025-05-01' },
};
