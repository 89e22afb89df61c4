// @vitest-environment node
/**
 * The house's plan stays as the README draws it: no import circles, no back-imports (lib/
 * importing a view, page code importing the worker's rooms, anything importing an entrypoint),
 * and every room of lib/ named in the README's map. scripts/house.ts reads the imports.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHouse } from '../../scripts/house';

const house = readHouse();

describe('the house', () => {
  it('has no import circles', () => {
    expect(house.circles).toEqual([]);
  });

  it('has no back-imports', () => {
    expect(house.backImports).toEqual([]);
  });

  it('resolves every relative import', () => {
    expect(house.unresolved).toEqual([]);
  });

  it('names every room of lib/ in the README map', () => {
    const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');
    const map = readme.slice(readme.indexOf('## The house'), readme.indexOf('## Release'));
    const rooms = Object.keys(house.rooms).filter((room) => room.startsWith('lib/'));
    expect(rooms.filter((room) => !map.includes(`${room}/`))).toEqual([]);
  });
});
