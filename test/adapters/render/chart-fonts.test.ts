import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { test } from 'node:test';
import { chartFontFiles, FONT_DIR_ENV } from '../../../src/adapters/render/chart-fonts.ts';
import { UserError } from '../../../src/core/errors/user-error.ts';

test('by default the chart fonts are the regular and bold Arimo files npm installed', () => {
  const files = chartFontFiles({});
  assert.equal(files.length, 2);
  for (const f of files) {
    assert.ok(existsSync(f), f);
    assert.ok(f.includes(`${sep}node_modules${sep}@expo-google-fonts${sep}arimo${sep}`), f);
  }
  assert.match(files[0]!, /Regular\.ttf$/);
  assert.match(files[1]!, /Bold\.ttf$/);
});

test(`${FONT_DIR_ENV} names a folder of Liberation Sans files, and a folder without them is a user error`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'ys-fonts-'));
  try {
    assert.throws(
      () => chartFontFiles({ [FONT_DIR_ENV]: dir }),
      (e: unknown) =>
        e instanceof UserError &&
        e.message.includes(join(dir, 'LiberationSans-Regular.ttf')) &&
        !e.message.includes('\n'),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const debian = '/usr/share/fonts/truetype/liberation';
  if (existsSync(join(debian, 'LiberationSans-Regular.ttf')))
    assert.deepEqual(chartFontFiles({ [FONT_DIR_ENV]: debian }), [
      join(debian, 'LiberationSans-Regular.ttf'),
      join(debian, 'LiberationSans-Bold.ttf'),
    ]);
});
