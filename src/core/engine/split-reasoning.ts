/**
 * Separates reasoning from the answer. A server may return reasoning in its own field
 * (reasoning_content, reasoning, thinking blocks); otherwise a leading <think>...</think> block in the
 * text is reasoning, and so is everything before a lone </think> (the opening tag was in the chat
 * template). An unclosed <think> means the whole text is reasoning and there is no answer: `unclosed`
 * says so, and such a completion is never scored on its trace.
 */
export function splitReasoning(
  text: string,
  reasoningField: string | null = null,
): { text: string; reasoning: string | null; unclosed?: true } {
  const m = /^\s*<think>([\s\S]*?)(<\/think>|$)/.exec(text);
  if (!m) {
    const close = text.indexOf('</think>');
    if (close >= 0 && !text.slice(0, close).includes('<think>')) {
      const inline = text.slice(0, close).trim();
      const rest = text.slice(close + '</think>'.length).replace(/^\s+/, '');
      return { text: rest, reasoning: [reasoningField, inline].filter((r) => r).join('\n') || null };
    }
    return { text, reasoning: reasoningField || null };
  }
  const inline = m[1]!.trim();
  const rest = text.slice(m[0].length).replace(/^\s+/, '');
  const reasoning = [reasoningField, inline].filter((r) => r).join('\n') || null;
  if (m[2] === '') return { text: '', reasoning, unclosed: true };
  return { text: rest, reasoning };
}
