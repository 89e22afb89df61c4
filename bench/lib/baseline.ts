/** Starts the baseline uploader (baseline-child.ts) in a separate Node process and reads its result. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BaselineJob, BaselineResult } from './baseline-child';

const childFile = fileURLToPath(new URL('./baseline-child.ts', import.meta.url));

export function runBaselineProcess(job: BaselineJob, cwd: string): Promise<BaselineResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', childFile, JSON.stringify(job)], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`baseline exited ${code}: ${err.slice(-2000)}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').pop() ?? '') as BaselineResult);
      } catch {
        reject(new Error(`baseline said: ${out.slice(-500)} ${err.slice(-500)}`));
      }
    });
  });
}
