/**
 * Deterministic greedy label placement. Each label tries candidate positions around its anchor,
 * nearest first; the first that stays inside the bounds and touches no point, obstacle (reference
 * lines, legends, baseline labels) or label placed before it wins. Labels far from their anchor get
 * a leader line. The same input always gives the same output, so specs and SVGs are stable.
 */

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface LabelRequest {
  id: string;
  width: number;
  height: number;
  /** Anchor (the point's centre) in pixels. */
  x: number;
  y: number;
  /** Radius of the anchor's marker in pixels. */
  r: number;
  /** Higher goes first (e.g. the highlighted model). */
  priority?: number;
}

export interface PlacedLabel {
  id: string;
  /** Centre of the label. */
  x: number;
  y: number;
  box: Box;
  /** True when the label sits away from its anchor and needs a leader line. */
  leader: boolean;
  /** False when no free position existed; the label is at its least-overlapping position. */
  ok: boolean;
}

export interface PlacementInput {
  labels: LabelRequest[];
  /** Markers: every anchor is an obstacle for every label (its own marker too). */
  points: { x: number; y: number; r: number }[];
  obstacles: Box[];
  bounds: Box;
  /** Space between a marker and its label, in pixels. */
  gap?: number;
  /** How many rings of candidates to try before giving up. */
  rings?: number;
}

export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return w > 0 && h > 0 ? w * h : 0;
}

/** A uniform grid of boxes, so a collision test looks only at nearby boxes. */
class BoxGrid {
  private readonly cells = new Map<number, Box[]>();
  private readonly size: number;
  constructor(size: number) {
    this.size = size;
  }
  private keys(b: Box): number[] {
    const s = this.size;
    const out: number[] = [];
    for (let i = Math.floor(b.x0 / s); i <= Math.floor(b.x1 / s); i++)
      for (let j = Math.floor(b.y0 / s); j <= Math.floor(b.y1 / s); j++) out.push(i * 100003 + j);
    return out;
  }
  add(b: Box): void {
    for (const k of this.keys(b)) {
      const cell = this.cells.get(k);
      if (cell) cell.push(b);
      else this.cells.set(k, [b]);
    }
  }
  hits(b: Box): boolean {
    for (const k of this.keys(b))
      for (const o of this.cells.get(k) ?? []) if (boxesOverlap(b, o)) return true;
    return false;
  }
  overlap(b: Box): number {
    const seen = new Set<Box>();
    let area = 0;
    for (const k of this.keys(b))
      for (const o of this.cells.get(k) ?? []) {
        if (seen.has(o)) continue;
        seen.add(o);
        area += overlapArea(b, o);
      }
    return area;
  }
}

function boxAt(cx: number, cy: number, w: number, h: number): Box {
  return { x0: cx - w / 2, y0: cy - h / 2, x1: cx + w / 2, y1: cy + h / 2 };
}

/** Candidate centres for one label, nearest ring first, in a fixed order of preference. */
function candidates(l: LabelRequest, gap: number, rings: number): { x: number; y: number; ring: number }[] {
  const out: { x: number; y: number; ring: number }[] = [];
  const { width: w, height: h } = l;
  for (let ring = 0; ring < rings; ring++) {
    const d = l.r + gap + ring * (h * 0.9);
    const right = l.x + d + w / 2;
    const left = l.x - d - w / 2;
    const up = l.y - d - h / 2;
    const down = l.y + d + h / 2;
    const diag = d * 0.75;
    out.push(
      { x: right, y: l.y, ring },
      { x: left, y: l.y, ring },
      { x: l.x, y: up, ring },
      { x: l.x, y: down, ring },
      { x: l.x + diag + w / 2, y: l.y - diag - h / 2, ring },
      { x: l.x - diag - w / 2, y: l.y - diag - h / 2, ring },
      { x: l.x + diag + w / 2, y: l.y + diag + h / 2, ring },
      { x: l.x - diag - w / 2, y: l.y + diag + h / 2, ring },
    );
    if (ring > 0) {
      const near = l.r + gap;
      for (const dy of [-ring * h, ring * h]) {
        out.push({ x: l.x + near + w / 2, y: l.y + dy, ring }, { x: l.x - near - w / 2, y: l.y + dy, ring });
      }
      for (const dx of [-w / 2, w / 2])
        out.push({ x: l.x + dx, y: up, ring }, { x: l.x + dx, y: down, ring });
    }
  }
  return out;
}

function inside(b: Box, bounds: Box): boolean {
  return b.x0 >= bounds.x0 && b.y0 >= bounds.y0 && b.x1 <= bounds.x1 && b.y1 <= bounds.y1;
}

function outsideArea(b: Box, bounds: Box): number {
  const area = (b.x1 - b.x0) * (b.y1 - b.y0);
  return area - overlapArea(b, bounds);
}

/** Places every label; the result is in the order of `input.labels`. */
export function placeLabels(input: PlacementInput): PlacedLabel[] {
  const gap = input.gap ?? 3;
  const rings = input.rings ?? 7;
  const grid = new BoxGrid(40);
  for (const p of input.points) grid.add(boxAt(p.x, p.y, p.r * 2, p.r * 2));
  for (const o of input.obstacles) grid.add(o);
  const crowd = (l: LabelRequest) =>
    input.points.filter((p) => Math.abs(p.x - l.x) < l.width && Math.abs(p.y - l.y) < l.height * 3).length;
  const order = input.labels
    .map((l, i) => ({ l, i, crowd: crowd(l) }))
    .sort(
      (a, b) =>
        (b.l.priority ?? 0) - (a.l.priority ?? 0) || b.crowd - a.crowd || a.l.id.localeCompare(b.l.id),
    );
  const placed = new Map<number, PlacedLabel>();
  for (const { l, i } of order) {
    let best: { x: number; y: number; ring: number; cost: number } | null = null;
    let found: { x: number; y: number; ring: number } | null = null;
    for (const c of candidates(l, gap, rings)) {
      const b = boxAt(c.x, c.y, l.width, l.height);
      if (inside(b, input.bounds) && !grid.hits(b)) {
        found = c;
        break;
      }
      const cost = grid.overlap(b) + outsideArea(b, input.bounds) * 4 + c.ring;
      if (!best || cost < best.cost) best = { ...c, cost };
    }
    const at = found ?? best!;
    const box = boxAt(at.x, at.y, l.width, l.height);
    grid.add(box);
    placed.set(i, { id: l.id, x: at.x, y: at.y, box, leader: at.ring > 0, ok: found !== null });
  }
  return input.labels.map((_, i) => placed.get(i)!);
}

/** The end of a leader line: the point of `box` nearest to the anchor. */
export function leaderEnd(box: Box, x: number, y: number): { x: number; y: number } {
  return { x: Math.min(Math.max(x, box.x0), box.x1), y: Math.min(Math.max(y, box.y0), box.y1) };
}
