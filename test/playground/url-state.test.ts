import { describe, expect, it } from 'vitest';
import { decodeState, defaultExtras, encodeState } from '../../playground/url-state.js';

/** The page writing its address again for what a link gave it, as it does once its first result is in: A not pinned (yet). */
const rewritten = (search: string) => {
  const { state, extras, kept } = decodeState(search);
  return new URLSearchParams(encodeState(state, { ...extras, compare: null }, kept));
};

describe('a link the page cannot (wholly) read keeps what it carried', () => {
  it('keeps a scenario A that cannot be read, and its name, word for word', () => {
    const back = rewritten(`?runs=500&seed=1&a=${encodeURIComponent('{"churn":{"ba')}&aName=Cautious`);
    expect(back.get('a')).toBe('{"churn":{"ba');
    expect(back.get('aName')).toBe('Cautious');
  });

  it('keeps a scenario A that reads but has not been pinned, word for word (its spacing too)', () => {
    const text = '{ "churn": { "base": 7 } }';
    const back = rewritten(`?runs=500&seed=1&a=${encodeURIComponent(text)}&aName=Cautious`);
    expect(back.get('a')).toBe(text);
    expect(back.get('aName')).toBe('Cautious');
  });

  it('says why scenario A cannot be read as A’s problem, not as the answer’s (the answer is not affected)', () => {
    const cut = decodeState(`?a=${encodeURIComponent('{"churn"')}`);
    expect(cut.problemA).toBe('it could not be read (was the link cut short?)');
    expect(cut.problems).toEqual([]);
    expect(decodeState(`?a=${encodeURIComponent('[1, 2]')}`).problemA).toBe('it is not a scenario (an object of fields)');
    expect(decodeState(`?a=${encodeURIComponent('{"churn":{"base":0.01}}')}`).problemA).toBeNull();
  });

  it('keeps a scenario that cannot be read, and says so', () => {
    for (const text of ['{bad', '"a string"']) {
      const search = `?runs=500&seed=1&scenario=${encodeURIComponent(text)}`;
      expect(rewritten(search).get('scenario')).toBe(text);
      expect(decodeState(search).problems).toEqual([
        expect.stringMatching(
          /^The link’s scenario (could not be read|is not a scenario).*The address keeps it until you change an assumption\.$/,
        ),
      ]);
    }
    // The same from a link of earlier versions, after `#`.
    const { state, extras, kept } = decodeState('', '#runs=500&seed=1&scenario=%7Bbad');
    expect(new URLSearchParams(encodeState(state, extras, kept)).get('scenario')).toBe('{bad');
  });

  it('writes a pinned A and the scenario as edited in place of the kept ones', () => {
    const kept = { a: '{"churn":', scenario: '{bad' };
    const extras = { ...defaultExtras, nameA: 'Cautious' };
    expect(encodeState({ input: {}, seed: 1, runs: 2000 }, extras, { a: kept.a })).toBe(
      '?runs=2000&seed=1&a=%7B%22churn%22%3A&aName=Cautious',
    );
    const back = new URLSearchParams(
      encodeState(
        { input: { churn: { base: 0.01 } }, seed: 1, runs: 2000 },
        { ...extras, compare: { spend: { averagePerMonth: 30 } } },
        { a: kept.a },
      ),
    );
    expect(back.get('a')).toBe('{"spend":{"averagePerMonth":30}}');
    expect(back.get('scenario')).toBe('{"churn":{"base":0.01}}');
    // Without a kept or pinned A, its name goes too: it names nothing.
    expect(encodeState({ input: {}, seed: 1, runs: 2000 }, extras)).toBe('?runs=2000&seed=1');
  });
});
