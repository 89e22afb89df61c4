/**
 * The machine a result was measured on: numbers from a 2-core VM and from a laptop are not
 * comparable, so every result carries CPU, cores, RAM, Chromium and Node versions.
 */
import { cpus, totalmem } from 'node:os';
import type { Browser } from 'puppeteer-core';

export interface Machine {
  cpu: string;
  cores: number;
  ramGb: number;
  chromium: string;
  node: string;
  platform: string;
}

export async function describeMachine(browser: Browser | undefined): Promise<Machine> {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    ramGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    chromium: browser ? await browser.version() : 'not started',
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

export function machineLine(m: Machine): string {
  return `${m.cpu}, ${m.cores} cores, ${m.ramGb} GB RAM, ${m.chromium}, Node ${m.node}, ${m.platform}`;
}
