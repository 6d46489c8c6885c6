import assert from 'node:assert/strict';
import { test } from 'node:test';
import { registerCanvasAlias } from '../../../src/adapters/render/canvas-alias.ts';
import { renderPng } from '../../../src/adapters/render/render-png.ts';
import { renderSvg } from '../../../src/adapters/render/render-svg.ts';
import { chartSpec } from '../../../src/core/charts/chart-spec.ts';
import { textWidth } from '../../../src/core/charts/text-width.ts';
import { FONT_FAMILY } from '../../../src/core/charts/theme.ts';
import { catalogInputs } from '../../core/charts/catalog-inputs.ts';
import { chartFontFiles } from '../../../src/adapters/render/chart-fonts.ts';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

test("canvas resolves to @napi-rs/canvas, so Vega's label transform keeps every label", {}, async () => {
  registerCanvasAlias();
  // @ts-expect-error vega-canvas ships no type declarations
  const { canvas } = (await import('vega-canvas')) as { canvas: (w: number, h: number) => unknown };
  assert.ok(canvas(10, 10), 'vega-canvas found a canvas implementation');
  const vega = await import('vega');
  const names = ['Alpha-7B', 'Beta-13B', 'Gamma-70B', 'Delta-3B'];
  const spec = {
    width: 400,
    height: 200,
    data: [{ name: 'd', values: names.map((n, i) => ({ n, x: 50 + i * 90, y: 50 + (i % 2) * 80 })) }],
    marks: [
      {
        type: 'symbol',
        name: 'pts',
        from: { data: 'd' },
        encode: { enter: { x: { field: 'x' }, y: { field: 'y' } } },
      },
      {
        type: 'text',
        from: { data: 'pts' },
        encode: { enter: { text: { field: 'datum.n' }, fontSize: { value: 11 } } },
        transform: [
          { type: 'label', size: [400, 200], anchor: ['right', 'left', 'top', 'bottom'], offset: [3] },
        ],
      },
    ],
  };
  const view = new vega.View(vega.parse(spec as never), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  for (const n of names) assert.ok(svg.includes(`>${n}</text>`), `label ${n} is in the SVG`);
});

test('the text width table matches the font as @napi-rs/canvas measures it', async () => {
  const { GlobalFonts, createCanvas } = await import('@napi-rs/canvas');
  for (const f of chartFontFiles()) GlobalFonts.registerFromPath(f, FONT_FAMILY);
  const ctx = createCanvas(10, 10).getContext('2d');
  for (const [text, weight] of [
    ['Nvidia-Nemotron-Ultra-253B', 'normal'],
    ['Qwen2-72B-Instruct† (69.5%)', 'normal'],
    ['DASD-4B-Thinking', 'bold'],
    ['Δ (%) HumanEval', 'normal'],
  ] as const) {
    ctx.font = `${weight} 11px "${FONT_FAMILY}"`;
    const actual = ctx.measureText(text).width;
    assert.ok(Math.abs(actual - textWidth(text, 11, weight)) < 1.5, `${text}: ${actual} vs table`);
  }
});

test('every catalog figure renders to SVG with a title, a description and every label', {}, async () => {
  for (const [id, input] of catalogInputs()) {
    const spec = chartSpec(input);
    const svg = await renderSvg(spec, id);
    assert.match(svg, new RegExp(`<title id="${id}-title">`));
    assert.match(svg, /<desc id="[^"]+-desc">[^<]+<\/desc>/);
    assert.match(svg, /role="img"/);
    for (const l of spec.usermeta.labels)
      assert.ok(svg.includes(`>${escapeXml(l.text)}</text>`), `${id}: ${l.text}`);
    assert.ok(!svg.includes('font-family="serif"'));
  }
});

test('the estimated legend box holds the legend Vega draws', async () => {
  for (const id of ['fig1-livecodebench-v5', 'fig5-math-accuracy-vs-size']) {
    const spec = chartSpec(catalogInputs().get(id)!);
    const est = spec.usermeta.legend!;
    assert.ok(est, `${id} has its legend inside the plot`);
    const svg = await renderSvg(spec, id);
    const m =
      /aria-roledescription="legend"[^>]*><g transform="translate\(([\d.]+),([\d.]+)\)"><path class="background"[^>]* d="([^"]+)"/.exec(
        svg,
      );
    assert.ok(m, 'legend found');
    const nums = m[3]!.match(/[\d.]+/g)!.map(Number);
    const [x, y] = [Number(m[1]), Number(m[2])];
    const w = Math.max(...nums.filter((_, i) => i % 2 === 0));
    const h = Math.max(...nums.filter((_, i) => i % 2 === 1));
    assert.ok(x >= est.x0 - 1 && y >= est.y0 - 1, `${id}: legend starts inside the estimate`);
    assert.ok(
      x + w <= est.x1 + 1 && y + h <= est.y1 + 1,
      `${id}: legend ends inside the estimate (${x + w},${y + h} vs ${est.x1},${est.y1})`,
    );
  }
});

test('PNGs are rendered at twice the SVG size', async () => {
  const spec = chartSpec(catalogInputs().get('fig3-swebench-verified')!);
  const svg = await renderSvg(spec);
  const png = await renderPng(svg, 2);
  assert.deepEqual([...png.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10]);
  const [, w, h] = /width="(\d+)" height="(\d+)"/.exec(svg)!;
  assert.equal(png.readUInt32BE(16), Number(w) * 2);
  assert.equal(png.readUInt32BE(20), Number(h) * 2);
});

test('a scatter of 300 models grows to fit and keeps every label in the SVG', async () => {
  const base = catalogInputs().get('fig1-livecodebench-v5')!;
  const views = Array.from({ length: 300 }, (_, i) => {
    const v = base.views[i % base.views.length]!;
    const model = { ...v.model, id: `m-${i}`, name: `Model-${i}`, totalParamsB: 1 + ((i * 37) % 400) };
    return {
      ...v,
      model,
      result: { ...v.result, model: model.id, value: 40 + ((i * 53) % 40) + (i % 7) / 10 },
    };
  });
  const spec = chartSpec({ preset: { ...base.preset, models: null, groups: {}, options: {} }, views });
  assert.ok((spec.width as number) > 600, 'the plot grew');
  assert.ok(spec.usermeta.crowded.length <= 3, `crowded: ${spec.usermeta.crowded.length}`);
  const svg = await renderSvg(spec);
  for (let i = 0; i < 300; i++) assert.ok(svg.includes(`>Model-${i}</text>`), `Model-${i}`);
});
