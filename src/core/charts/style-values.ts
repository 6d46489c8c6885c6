import { z } from 'zod';

// Style options end up as SVG attributes and CSS. Each is held to a form that cannot name a resource
// (no url(), no quotes that close an attribute, no ";" that starts another declaration), so a
// standalone SVG never loads anything from outside.

const HEX = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const FUNCTIONAL = /^(rgb|rgba|hsl|hsla)\(\s*[-+\d.%\s,/]+\)$/i;
const NAMED = /^[a-z]{3,30}$/i;

/** A colour: #rgb, #rrggbb (with optional alpha), rgb()/rgba()/hsl()/hsla() with numbers, or a CSS name. */
export const CssColor = z.string().refine((s) => HEX.test(s) || FUNCTIONAL.test(s) || NAMED.test(s), {
  message: 'must be a colour: #rrggbb, rgb(...), hsl(...) or a CSS colour name',
});

/** A font family list: names, spaces, commas and quotes only. */
export const FontFamily = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\p{L}\p{N} ,'._-]+$/u, 'must be font family names separated by commas');

const SHAPE_NAME = /^[a-z][a-z-]{0,30}$/i;
const SVG_PATH = /^[MmLlHhVvCcSsQqTtAaZz\d\s,.eE+-]+$/;

/** A marker: a shape name (circle, square, star...) or SVG path data (commands and numbers). */
export const MarkerShape = z
  .string()
  .min(1)
  .max(2000)
  .refine((s) => SHAPE_NAME.test(s) || SVG_PATH.test(s), {
    message: 'must be a shape name (circle, square, diamond, triangle, pentagon, star) or SVG path data',
  });

/** A Vega colour scheme name. */
export const SchemeName = z.string().regex(/^[a-z][a-z0-9-]{0,40}$/i, 'must be a Vega colour scheme name');
