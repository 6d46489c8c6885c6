import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { UserError } from '../../core/errors/user-error.ts';

export const FONT_DIR_ENV = 'YARDSTICK_FONT_DIR';

/** The chart font ships as an npm dependency: Arimo, metric-compatible with Liberation Sans and Arial. */
const PACKAGE_FILES = ['400Regular/Arimo_400Regular.ttf', '700Bold/Arimo_700Bold.ttf'];
/** What a $YARDSTICK_FONT_DIR folder holds instead (e.g. Debian's fonts-liberation folder). */
const OVERRIDE_FILES = ['LiberationSans-Regular.ttf', 'LiberationSans-Bold.ttf'];

/**
 * The font files charts are measured and rendered with: the regular and bold faces from
 * @expo-google-fonts/arimo, or from the folder $YARDSTICK_FONT_DIR names. The same files serve Vega's
 * text measurement (through @napi-rs/canvas) and resvg's rasterising, and no system font is read,
 * so output is the same on every machine.
 */
export function chartFontFiles(env: NodeJS.ProcessEnv = process.env): string[] {
  const dir = env[FONT_DIR_ENV];
  if (!dir) {
    const resolve = createRequire(import.meta.url).resolve;
    return PACKAGE_FILES.map((f) => resolve(`@expo-google-fonts/arimo/${f}`));
  }
  const files = OVERRIDE_FILES.map((f) => join(dir, f));
  const missing = files.find((f) => !existsSync(f));
  if (missing)
    throw new UserError(
      `chart font not found: ${missing} (${FONT_DIR_ENV} names a folder holding ${OVERRIDE_FILES.join(' and ')}; ` +
        `unset it to use the font that npm installs)`,
      4,
    );
  return files;
}
