import { z } from 'zod';

export const PluginKind = z.enum(['task', 'dataset', 'solver', 'scorer', 'metric', 'provider', 'chart']);
export type PluginKind = z.infer<typeof PluginKind>;

/** How a plug-in was obtained from the registry: enough to obtain it again. */
export const PluginRef = z.object({
  kind: PluginKind,
  name: z.string().min(1),
  args: z.record(z.string(), z.unknown()).default({}),
});
export type PluginRef = z.infer<typeof PluginRef>;
