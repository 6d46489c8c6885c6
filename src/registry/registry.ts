import { ZodError } from 'zod';
import type { PluginKind, PluginRef } from '../core/schema/index.ts';
import { EXIT, UserError } from '../core/errors/user-error.ts';
import { didYouMean } from '../core/format/did-you-mean.ts';
import type { TaskDefinition, TaskFactory } from '../core/task/task-definition.ts';

/** A plug-in factory: builds the plug-in from its args. Loaded only when first asked for. */
export type Factory<T> = (args: Record<string, unknown>) => T | Promise<T>;

interface Entry {
  description: string;
  load: () => Promise<Factory<unknown>>;
}

/**
 * One registry for every plug-in kind (tasks, providers, scorers, metrics, charts...).
 * Entries are registered as lazy loaders, so naming a plug-in costs nothing until it is used,
 * and every build returns the {kind, name, args} reference that rebuilds it.
 */
export class Registry {
  private readonly entries = new Map<string, Entry>();

  register(kind: PluginKind, name: string, description: string, load: () => Promise<Factory<unknown>>): this {
    const key = `${kind}:${name}`;
    if (this.entries.has(key)) throw new Error(`${kind} "${name}" is registered twice`);
    this.entries.set(key, { description, load });
    return this;
  }

  has(kind: PluginKind, name: string): boolean {
    return this.entries.has(`${kind}:${name}`);
  }

  list(kind: PluginKind): { name: string; description: string }[] {
    const prefix = `${kind}:`;
    return [...this.entries]
      .filter(([k]) => k.startsWith(prefix))
      .map(([k, e]) => ({ name: k.slice(prefix.length), description: e.description }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  async build<T>(
    kind: PluginKind,
    name: string,
    args: Record<string, unknown> = {},
  ): Promise<{ value: T; ref: PluginRef }> {
    const entry = this.entries.get(`${kind}:${name}`);
    if (!entry) {
      const known = this.list(kind).map((e) => e.name);
      const guess = didYouMean(name, known);
      const hint = guess ? `: did you mean ${guess}?` : known.length ? ` (known: ${known.join(', ')})` : '';
      throw new UserError(`unknown ${kind} "${name}"${hint}`, EXIT.notFound);
    }
    const factory = (await entry.load()) as Factory<T> & Partial<Pick<TaskFactory, 'resolveArgs'>>;
    // A declared task checks its arguments and fills in defaults; the run records those.
    const resolved = factory.resolveArgs ? factory.resolveArgs(args) : args;
    let value: T;
    try {
      value = await factory(resolved);
    } catch (err) {
      // A plug-in that validates its own args (a provider's base URL, say): one line naming the field.
      if (!(err instanceof ZodError)) throw err;
      const issue = err.issues[0]!;
      throw new UserError(
        `${kind} ${name}: ${issue.path.join('.') || '(args)'}: ${issue.message}`,
        EXIT.usage,
      );
    }
    return { value, ref: { kind, name, args: resolved } };
  }

  /** What a declared task says about itself (arguments, item count), without building it. */
  async definition(kind: PluginKind, name: string): Promise<TaskDefinition | null> {
    const entry = this.entries.get(`${kind}:${name}`);
    if (!entry) return null;
    const factory = (await entry.load()) as Partial<Pick<TaskFactory, 'definition'>>;
    return factory.definition ?? null;
  }

  /** Rebuilds a plug-in from the reference recorded with a run. */
  rebuild<T>(ref: PluginRef): Promise<{ value: T; ref: PluginRef }> {
    return this.build<T>(ref.kind, ref.name, ref.args);
  }
}
