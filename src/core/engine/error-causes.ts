/** One cause of error samples: how many, and one message as an example. */
export interface ErrorCause {
  cause: string;
  count: number;
  example: string;
}

/**
 * The cause a sample's error message stands for: the message with what varies between samples
 * (numbers, quoted text, ids) taken out, so "HTTP 500 from h:8000: boom 17" and "... boom 18" group.
 */
export function causeOf(message: string): string {
  return (
    message
      .replace(/"[^"]*"|'[^']*'/g, '"…"')
      .replace(/\b[0-9a-f]{8,}\b/gi, '…')
      // Numbers standing alone; host names, addresses, ports and HTTP status codes name the cause.
      .replace(/(?<![\w.:-])\d+(\.\d+)?(?![\w.:-])/g, (d, _f, offset: number, all: string) =>
        /HTTP $/.test(all.slice(0, offset)) ? d : 'N',
      )
      .slice(0, 160)
  );
}

/** Error messages grouped by cause, most frequent first (ties by cause), each with one example. */
export function groupErrors(messages: Iterable<string>): ErrorCause[] {
  const by = new Map<string, ErrorCause>();
  for (const m of messages) {
    const cause = causeOf(m);
    const g = by.get(cause);
    if (g) g.count++;
    else by.set(cause, { cause, count: 1, example: m });
  }
  return [...by.values()].sort((a, b) => b.count - a.count || a.cause.localeCompare(b.cause));
}
