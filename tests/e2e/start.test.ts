/** `npm start` without a display: the headless walk-through exits 0 and leaves screenshots. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

describe('npm start (headless)', () => {
  it('plays the flow as a scripted user, prints each step and writes screenshots', () => {
    const output = mkdtempSync(join(tmpdir(), 'ykc-demo-'));
    try {
      const env = { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '' };
      const result = spawnSync('node', ['scripts/start.mjs', '--no-build', '--output', output], {
        cwd: root,
        env,
        encoding: 'utf8',
        timeout: 240_000,
      });
      expect(result.status, result.stderr + result.stdout).toBe(0);
      expect(result.stdout).toMatch(/\[demo\] \d+\. Popup: verified live/);
      expect(result.stdout).toMatch(/Picked the legal entity: Acme Belgium NV is selected/);
      expect(result.stdout).toMatch(/Guide \S+ 14 \S+ 14:/);
      expect(result.stdout).toMatch(/Backfill finished: 46 sent, 0 already in Yokoy, 0 failed, 0 to go/);
      expect(result.stdout).toMatch(/The Yokoy emulator now holds 46 invoices/);
      const shots = readdirSync(output).filter((f) => f.endsWith('.png'));
      expect(shots.length).toBeGreaterThanOrEqual(1);
      // A real PNG, not an empty file.
      expect(readFileSync(join(output, shots[0]!)).subarray(1, 4).toString()).toBe('PNG');
    } finally {
      rmSync(output, { recursive: true, force: true });
    }
  }, 300_000);
});
