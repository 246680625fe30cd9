import { describe, expect, it } from 'vitest';
import { rankFromTally, tallyVotes, validateBallot, voteOptionsOf } from '../../../shared/workshop/votes.ts';

const workloads = [{ id: 1, name: 'FAQ' }, { id: 2, name: 'Routing' }, { id: 3, name: 'Tone' }];
const options = voteOptionsOf({ voteOptions: [] }, workloads);
const vote = (participant: string, optionKey: string, dots: number) => ({ itemId: 1, participant, optionKey, dots });

describe('dot voting', () => {
  it('offers the client\'s workloads when the vote has no options of its own', () => {
    expect(options.map((o) => o.key)).toEqual(['w:1', 'w:2', 'w:3']);
    expect(voteOptionsOf({ voteOptions: [{ key: 'f:1', label: 'Hire', workloadId: null }] }, workloads)).toHaveLength(1);
  });

  it('refuses more dots than a participant has, saying how many to take away', () => {
    expect(validateBallot('Ana', { 'w:1': 2, 'w:2': 2 }, options, 3)).toEqual({ field: 'dots', message: 'Ana gave 4 dots; each participant has 3. Take 1 away.' });
    expect(validateBallot('Ana', { 'w:9': 1 }, options, 3)?.field).toBe('dots.w:9');
    expect(validateBallot('Ana', { 'w:1': 3 }, options, 3)).toBeNull();
  });

  it('tallies the dots, most first, ties in the options\' order', () => {
    const tally = tallyVotes([vote('Ana', 'w:3', 2), vote('Ben', 'w:2', 2), vote('Ben', 'w:3', 1), vote('Cy', 'w:1', 1)], options);
    expect(tally.map((t) => [t.label, t.dots])).toEqual([['Tone', 3], ['Routing', 2], ['FAQ', 1]]);
    expect(tally[0].voters).toEqual(['Ana', 'Ben']);
    const tie = tallyVotes([vote('Ana', 'w:3', 1), vote('Ben', 'w:2', 1)], options);
    expect(tie.map((t) => t.key)).toEqual(['w:2', 'w:3', 'w:1']);
  });

  it('ranks the voted workloads by dots, ties keeping their current priority order', () => {
    const tally = tallyVotes([vote('Ana', 'w:3', 2), vote('Ben', 'w:1', 1), vote('Ben', 'w:2', 1)], options);
    expect(rankFromTally(tally, [2, 1, 3])).toEqual([{ workloadId: 3, rank: 1 }, { workloadId: 2, rank: 2 }, { workloadId: 1, rank: 3 }]);
    expect(rankFromTally(tally, [1, 2, 3]).map((r) => r.workloadId)).toEqual([3, 1, 2]);
  });
});
