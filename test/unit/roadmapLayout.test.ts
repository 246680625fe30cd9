// The roadmap's block packing: whole blocks per page, headings kept with what follows, and a shorter first page
// (the room left under the last timeline page) used only when the start of the section fits there.
import { describe, it, expect } from 'vitest';
import { packBlocks } from '../../renderer/print/layout.ts';

const block = (height: number, keepWithNext = false) => ({ height, keepWithNext });

describe('packing the roadmap into pages', () => {
  it('starts the section under the timeline when its heading and first block fit there', () => {
    const { pages } = packBlocks([block(40, true), block(100), block(300)], 500, 200);
    expect(pages[0]).toEqual([{ block: 0 }, { block: 1 }]);
    expect(pages[1]).toEqual([{ block: 2 }]);
  });

  it('leaves the space under the timeline empty rather than orphan a heading there', () => {
    // Section title, then a workload's head (both headings), then its body: the chain needs 40 + 60 + 150 = 250 > 200.
    const { pages } = packBlocks([block(40, true), block(60, true), block(150), block(100)], 500, 200);
    expect(pages[0]).toEqual([]);
    expect(pages[1]).toEqual([{ block: 0 }, { block: 1 }, { block: 2 }, { block: 3 }]);
  });

  it('packs as before when no shorter first page is asked for', () => {
    const { pages } = packBlocks([block(300), block(300)], 500);
    expect(pages).toEqual([[{ block: 0 }], [{ block: 1 }]]);
  });
});
