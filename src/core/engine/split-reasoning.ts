/**
 * Separates reasoning from the answer. A server may return reasoning in its own field
 * (reasoning_content); otherwise a leading <think>...</think> block in the text is reasoning.
 * An unclosed <think> means the whole text is reasoning and the answer is empty.
 */
export function splitReasoning(
  text: string,
  reasoningField: string | null = null,
): { text: string; reasoning: string | null } {
  const m = /^\s*<think>([\s\S]*?)(<\/think>|$)/.exec(text);
  if (!m) return { text, reasoning: reasoningField || null };
  const inline = m[1]!.trim();
  const rest = text.slice(m[0].length).replace(/^\s+/, '');
  const reasoning = [reasoningField, inline].filter((r) => r).join('\n') || null;
  return { text: rest, reasoning };
}
