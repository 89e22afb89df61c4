/**
 * The production config with source maps, built into a bench-only folder: the maps say which
 * module each byte of a bundle came from (bench/lib/composition.ts). Never shipped.
 */
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import base from '../../wxt.config';

export default defineConfig({
  ...base,
  outDir: process.env.BENCH_ANALYSIS_OUT_DIR ?? '.output-bench-analysis',
  vite: () => ({ plugins: [preact()], build: { sourcemap: true } }),
});
