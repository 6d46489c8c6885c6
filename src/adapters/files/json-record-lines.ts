/**
 * The line on which each record of a JSON document starts, in document order: elements of a
 * top-level array, or elements of the arrays under a top-level object's keys.
 */
export function jsonRecordLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let rootIsArray: boolean | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    if (inString) {
      if (escaped) escaped = false;
      else if (c === 92) escaped = true;
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (depth === 0) rootIsArray = c === 91;
      const recordDepth = rootIsArray ? 1 : 2;
      if (c === 123 && depth === recordDepth) lines.push(line);
      depth++;
    } else if (c === 125 || c === 93) depth--;
  }
  return lines;
}

/** Line of a JSON.parse error, from its message (Node names line and column) or its position. */
export function jsonErrorLine(text: string, message: string): number {
  const byLine = /line (\d+)/.exec(message);
  if (byLine) return Number(byLine[1]);
  const byPos = /position (\d+)/.exec(message);
  if (byPos) return text.slice(0, Number(byPos[1])).split('\n').length;
  return 1;
}
