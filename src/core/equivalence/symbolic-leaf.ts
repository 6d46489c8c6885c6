import { ComputeEngine } from '@cortex-js/compute-engine';
import { closeEnough } from './quick-leaf.ts';

type Expr = NonNullable<ReturnType<ComputeEngine['parse']>>;

let engine: ComputeEngine | null = null;
function ce(): ComputeEngine {
  engine ??= new ComputeEngine();
  return engine;
}

/** Fixed sample points for free variables: deterministic, away from 0, 1 and common poles. */
const POINTS = [0.3719, 1.2837, -0.7311, 2.4613, -1.9127, 0.6551];

function numeric(e: Expr): { re: number; im: number } | null {
  try {
    const n = e.N();
    const re = Number(n.re);
    const im = Number(n.im ?? 0);
    if (!Number.isFinite(re) || !Number.isFinite(im)) return null;
    return { re, im };
  } catch {
    return null;
  }
}

function sameValue(a: { re: number; im: number }, b: { re: number; im: number }): boolean {
  return closeEnough(a.re, b.re) && closeEnough(a.im, b.im);
}

type Point = [{ re: number; im: number }, { re: number; im: number }];

/**
 * Values of both sides at the sample points. Null when they cannot be compared: a point where one side
 * is defined and the other is not (different domains are different answers), or fewer than 3 points where
 * both are defined (two expressions that are empty or undefined everywhere are never "equal").
 */
function sampleBoth(a: Expr, b: Expr, vars: string[]): Point[] | 'differ' | null {
  const out: Point[] = [];
  for (let i = 0; i < POINTS.length; i++) {
    const sub: Record<string, number> = {};
    vars.forEach((v, j) => {
      sub[v] = POINTS[(i + 2 * j) % POINTS.length]! + 0.1 * j;
    });
    const x = numeric(a.subs(sub));
    const y = numeric(b.subs(sub));
    if (x && y) out.push([x, y]);
    else if (x || y) return 'differ';
  }
  return out.length >= 3 ? out : null;
}

/** Parsed answers, most recent last: a gold answer is compared with k samples, so it is parsed once. */
const parsed = new Map<string, Expr | null>();
const PARSE_CACHE_SIZE = 2000;

function parse(s: string): Expr | null {
  const hit = parsed.get(s);
  if (hit !== undefined) return hit;
  let e: Expr | null = null;
  try {
    const x = ce().parse(s);
    e = x.isValid ? x : null;
  } catch {
    e = null;
  }
  if (parsed.size >= PARSE_CACHE_SIZE) parsed.delete(parsed.keys().next().value!);
  parsed.set(s, e);
  return e;
}

/**
 * Equal as values: numerically for constants, by sampling the free variables otherwise. Never equal
 * because both sides are undefined or empty: a value must be defined and the same on both sides.
 */
function valuesEqual(a: Expr, b: Expr): boolean {
  const vars = [...new Set([...a.unknowns, ...b.unknowns])].sort();
  if (vars.length === 0) {
    // two values that are both undefined (1/0 and 2/0) are never the same answer
    const x = numeric(a);
    const y = numeric(b);
    return x !== null && y !== null && sameValue(x, y);
  }
  if (vars.length > 6) return a.isSame(b);
  const pts = sampleBoth(a, b, vars);
  // nothing to compare: expressions undefined at (almost) every point are not shown equal
  if (pts === 'differ' || pts === null) return false;
  return pts.every(([x, y]) => sameValue(x, y));
}

/** Equations: equal when their sides' differences are proportional (x+y=1 vs 2x+2y=2). */
function equationsEqual(a: Expr, b: Expr): boolean {
  const sides = (e: Expr) => e.json as unknown as [string, unknown, unknown];
  const [, al, ar] = sides(a);
  const [, bl, br] = sides(b);
  const da = ce().box(['Subtract', al, ar] as never);
  const db = ce().box(['Subtract', bl, br] as never);
  const vars = [...new Set([...da.unknowns, ...db.unknowns])].sort();
  const pts = sampleBoth(da, db, vars);
  if (!pts || pts === 'differ') return false;
  let ratio: number | null = null;
  for (const [x, y] of pts) {
    if (Math.abs(y.re) < 1e-12) {
      if (Math.abs(x.re) > 1e-9) return false;
      continue;
    }
    const r = x.re / y.re;
    if (ratio === null) ratio = r;
    else if (!closeEnough(r, ratio)) return false;
  }
  return ratio !== null && ratio !== 0;
}

/** Longest answer, in characters, that the symbolic engine is given. */
export const MAX_SYMBOLIC_CHARS = 400;

/**
 * Symbolic comparison of two scalar LaTeX answers with @cortex-js/compute-engine: constants are
 * compared numerically, expressions with free variables by evaluation at fixed sample points,
 * equations up to a constant factor. False when either side does not parse or is too long.
 * Runs unbounded engine code: call it from a worker with a timeout (adapters/equivalence-pool).
 */
export function symbolicLeaf(gold: string, pred: string): boolean {
  if (gold.length > MAX_SYMBOLIC_CHARS || pred.length > MAX_SYMBOLIC_CHARS) return false;
  const a = parse(gold);
  const b = parse(pred);
  if (!a || !b) return false;
  try {
    if (a.operator === 'Equal' && b.operator === 'Equal') return equationsEqual(a, b);
    // "y = 2x + 3" against "2x + 3": an equation solved for one symbol is its right side
    const solved = (e: Expr) => {
      const [, l, r] = e.json as unknown as [string, unknown, unknown];
      return typeof l === 'string' && /^[a-zA-Z]$/.test(l) ? ce().box(r as never) : null;
    };
    if (a.operator === 'Equal') {
      const r = solved(a);
      return r ? valuesEqual(r, b) : false;
    }
    if (b.operator === 'Equal') {
      const r = solved(b);
      return r ? valuesEqual(a, r) : false;
    }
    return valuesEqual(a, b);
  } catch {
    return false;
  }
}
