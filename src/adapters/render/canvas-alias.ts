import { registerHooks } from 'node:module';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

let registered = false;

/**
 * Makes `import('canvas')` resolve to @napi-rs/canvas. Vega measures text (and its label transform
 * places labels) with whatever `canvas` resolves to; without one it silently estimates widths and
 * drops labels. Call before vega is first imported. Idempotent.
 */
export function registerCanvasAlias(): void {
  if (registered) return;
  registered = true;
  const target = pathToFileURL(createRequire(import.meta.url).resolve('@napi-rs/canvas')).href;
  registerHooks({
    resolve(specifier, context, nextResolve) {
      if (specifier === 'canvas') return { url: target, format: 'commonjs', shortCircuit: true };
      return nextResolve(specifier, context);
    },
  });
}
