import { z } from 'zod';
import { IsoDate, Slug } from './ids.ts';

export const TrainingMethod = z.string().min(1);

export const Link = z.object({ label: z.string().min(1), url: z.url() });

/** What is known about a model. Parameters are counted in billions; null means not disclosed. */
export const ModelCard = z.object({
  id: Slug,
  name: z.string().min(1),
  family: z.string().min(1),
  totalParamsB: z.number().positive().nullable().default(null),
  /** Parameters active per token (mixture-of-experts); equals totalParamsB for dense models. */
  activeParamsB: z.number().positive().nullable().default(null),
  openWeights: z.boolean().default(false),
  openData: z.boolean().default(false),
  categories: z.array(z.string().min(1)).default([]),
  releaseDate: IsoDate.nullable().default(null),
  baseModel: z.string().min(1).nullable().default(null),
  trainingMethod: TrainingMethod.nullable().default(null),
  reasoning: z.boolean().default(false),
  links: z.array(Link).default([]),
  notes: z.string().nullable().default(null),
});
export type ModelCard = z.infer<typeof ModelCard>;
export type ModelCardInput = z.input<typeof ModelCard>;

/** Parameters on the axis a chart or analysis asks for; dense models fall back to total. */
export function paramsOf(card: ModelCard, axis: 'total' | 'active'): number | null {
  if (axis === 'total') return card.totalParamsB;
  return card.activeParamsB ?? card.totalParamsB;
}
