import { z } from 'zod';

export const DescriptionSection = z.object({
  heading: z.enum(['Overview', 'Components/Axes', 'Detailed Analysis', 'Key Observations', 'Interpretation']),
  paragraphs: z.array(z.string()).default([]),
  bullets: z.array(z.string()).default([]),
});
export type DescriptionSection = z.infer<typeof DescriptionSection>;

/** A chart described in words: five sections, every number computed from the data drawn. */
export const FigureDescription = z.object({
  figure: z.string(),
  title: z.string(),
  sections: z.array(DescriptionSection),
});
export type FigureDescription = z.infer<typeof FigureDescription>;

/** As Markdown: a heading per section, paragraphs, then bullets. */
export function renderDescriptionMarkdown(d: FigureDescription): string {
  const parts = [`## ${d.title}`];
  for (const s of d.sections) {
    parts.push(`### ${s.heading}`);
    for (const p of s.paragraphs) parts.push(p);
    if (s.bullets.length)
      parts.push(s.bullets.map((b) => (b.startsWith('  ') ? `  - ${b.trimStart()}` : `- ${b}`)).join('\n'));
  }
  return `${parts.join('\n\n')}\n`;
}

/** As plain text on one line per section, for an SVG <desc> or alt text. */
export function renderDescriptionPlain(d: FigureDescription): string {
  return [
    d.title,
    ...d.sections.map(
      (s) =>
        `${s.heading}: ${[...s.paragraphs, ...s.bullets.map((b) => `${b.trim().replace(/[.:]$/, '')}.`)].join(' ')}`,
    ),
  ].join('\n');
}
