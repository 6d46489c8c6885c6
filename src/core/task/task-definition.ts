import { z } from 'zod';
import { parseTaskArgs } from './parse-task-args.ts';
import type { Task } from './task.ts';

/**
 * What a task declares about itself before it is built: its arguments (a zod object: types,
 * defaults, allowed values, descriptions) and its item count. `tasks` shows it; eval checks the
 * arguments against it before anything is sent.
 */
export interface TaskDefinition {
  name: string;
  args: z.ZodObject;
  /** The item count as a reader wants it: "1,319", or what it depends on. */
  items: string;
  /** Builds the task from resolved arguments. */
  build: (args: Record<string, unknown>) => Task | Promise<Task>;
}

/** A registry factory for a declared task: checks and resolves its arguments, then builds it. */
export type TaskFactory = ((args: Record<string, unknown>) => Promise<Task>) & {
  definition: TaskDefinition;
  /** The arguments checked, with defaults filled in: what a run records and its cache keys include. */
  resolveArgs: (args: Record<string, unknown>) => Record<string, unknown>;
};

export function defineTask(definition: TaskDefinition): TaskFactory {
  const resolveArgs = (args: Record<string, unknown>) =>
    parseTaskArgs(definition.name, definition.args, args) as Record<string, unknown>;
  return Object.assign(async (args: Record<string, unknown>) => definition.build(resolveArgs(args)), {
    definition,
    resolveArgs,
  });
}

/** One declared argument, as `tasks` lists it. */
export interface TaskArgInfo {
  name: string;
  type: string;
  required: boolean;
  default?: unknown;
  /** The values it may take, when they are a fixed set. */
  allowed?: unknown[];
  description?: string;
}

interface JsonSchemaNode {
  type?: string | string[];
  enum?: unknown[];
  items?: JsonSchemaNode;
  default?: unknown;
  description?: string;
}

const typeName = (n: JsonSchemaNode): string => {
  const t = Array.isArray(n.type) ? n.type.join(' | ') : (n.type ?? 'any');
  return t === 'array' && n.items ? `list of ${typeName(n.items)}` : t;
};

/** The declared arguments of a task, in declaration order. */
export function describeTaskArgs(schema: z.ZodObject): TaskArgInfo[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, JsonSchemaNode>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, n]) => {
    const allowed = n.enum ?? n.items?.enum;
    return {
      name,
      type: typeName(n),
      required: (json.required ?? []).includes(name) && n.default === undefined,
      ...(n.default !== undefined ? { default: n.default } : {}),
      ...(allowed ? { allowed } : {}),
      ...(n.description ? { description: n.description } : {}),
    };
  });
}
