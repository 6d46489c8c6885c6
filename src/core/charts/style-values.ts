import { z } from 'zod';
import { SHAPES } from './theme.ts';

// Style options end up as SVG attributes and CSS. Each is held to a form that cannot name a resource
// (no url(), no quotes that close an attribute, no ";" that starts another declaration), so a
// standalone SVG never loads anything from outside.

const HEX = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const FUNCTIONAL = /^(rgb|rgba|hsl|hsla)\(\s*[-+\d.%\s,/]+\)$/i;
/** The CSS colour keywords (CSS Color 4), so a typo is refused rather than drawn black. */
const NAMED = new Set(
  (
    'aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet ' +
    'brown burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan ' +
    'darkblue darkcyan darkgoldenrod darkgray darkgreen darkgrey darkkhaki darkmagenta darkolivegreen ' +
    'darkorange darkorchid darkred darksalmon darkseagreen darkslateblue darkslategray darkslategrey ' +
    'darkturquoise darkviolet deeppink deepskyblue dimgray dimgrey dodgerblue firebrick floralwhite ' +
    'forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray green greenyellow grey honeydew ' +
    'hotpink indianred indigo ivory khaki lavender lavenderblush lawngreen lemonchiffon lightblue ' +
    'lightcoral lightcyan lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon ' +
    'lightseagreen lightskyblue lightslategray lightslategrey lightsteelblue lightyellow lime ' +
    'limegreen linen magenta maroon mediumaquamarine mediumblue mediumorchid mediumpurple ' +
    'mediumseagreen mediumslateblue mediumspringgreen mediumturquoise mediumvioletred midnightblue ' +
    'mintcream mistyrose moccasin navajowhite navy oldlace olive olivedrab orange orangered orchid ' +
    'palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum ' +
    'powderblue purple rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown seagreen ' +
    'seashell sienna silver skyblue slateblue slategray slategrey snow springgreen steelblue tan teal ' +
    'thistle tomato turquoise violet wheat white whitesmoke yellow yellowgreen transparent'
  ).split(' '),
);

/** A colour: #rgb, #rrggbb (with optional alpha), rgb()/rgba()/hsl()/hsla() with numbers, or a CSS colour keyword. */
export const CssColor = z
  .string()
  .refine((s) => HEX.test(s) || FUNCTIONAL.test(s) || NAMED.has(s.toLowerCase()), {
    message: 'must be a colour: #rrggbb, rgb(...), hsl(...) or a CSS colour name',
  });

/** A font family list: names, spaces, commas and quotes only. */
export const FontFamily = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\p{L}\p{N} ,'._-]+$/u, 'must be font family names separated by commas');

/** Marker names: the chart's own (theme.ts) and Vega's symbol shapes. */
const SHAPE_NAMES = new Set([
  ...Object.keys(SHAPES),
  ...['cross', 'triangle-up', 'triangle-down', 'triangle-right', 'triangle-left', 'stroke', 'arrow', 'wedge'],
]);
/** SVG path data: a moveto, then commands and numbers. */
const SVG_PATH = /^\s*[Mm][MmLlHhVvCcSsQqTtAaZz\d\s,.eE+-]*$/;

/** A marker: a shape name (circle, square, star...) or SVG path data (commands and numbers). */
export const MarkerShape = z
  .string()
  .min(1)
  .max(2000)
  .refine((s) => SHAPE_NAMES.has(s) || SVG_PATH.test(s), {
    message: `must be a shape name (${[...SHAPE_NAMES].join(', ')}) or SVG path data starting with M`,
  });

/** A Vega colour scheme name. */
export const SchemeName = z.string().regex(/^[a-z][a-z0-9-]{0,40}$/i, 'must be a Vega colour scheme name');
