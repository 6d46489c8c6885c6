import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../core/errors/user-error.ts';

/** Where the chart font lives: $YARDSTICK_FONT_DIR, else Debian's fonts-liberation folder. */
export const DEFAULT_FONT_DIR = '/usr/share/fonts/truetype/liberation';
export const FONT_DIR_ENV = 'YARDSTICK_FONT_DIR';

const FILES = ['LiberationSans-Regular.ttf', 'LiberationSans-Bold.ttf'];

/**
 * The font files charts are measured and rendered with. The same files serve Vega's text
 * measurement (through @napi-rs/canvas) and resvg's rasterising, so output is the same everywhere.
 */
export function chartFontFiles(env: NodeJS.ProcessEnv = process.env): string[] {
  const dir = env[FONT_DIR_ENV] || DEFAULT_FONT_DIR;
  const files = FILES.map((f) => join(dir, f));
  const missing = files.find((f) => !existsSync(f));
  if (missing)
    throw new UserError(
      `chart font not found: ${missing} (install Debian package fonts-liberation, or set ${FONT_DIR_ENV} ` +
        'to a folder holding LiberationSans-Regular.ttf and LiberationSans-Bold.ttf)',
      4,
    );
  return files;
}
