// The seeded draws and the bugs: where they land (a free cell, now and then a golden one) and how they
// wander (a step or a pause; a wall or another bug stops them). The same seed gives the same bugs.
import { describe, expect, it } from 'vitest';
import { spawnBug, wander, type Bug } from '../../src/game/catch/bugs.js';
import { sameCell, START_CELL } from '../../src/game/catch/field.js';
import { drawAt, pick, seedFrom } from '../../src/game/catch/random.js';

describe('the seeded draws', () => {
  it('hashes text to a 32-bit seed (FNV-1a)', () => {
    expect(seedFrom('')).toBe(0x811c9dc5);
    expect(seedFrom('a')).toBe(0xe40c292c);
    expect(seedFrom('foobar')).toBe(0xbf9cf968);
    expect(seedFrom('ab')).not.toBe(seedFrom('ba'));
  });

  it('draws the same number for the same seed and index, in [0, 1)', () => {
    expect(drawAt(1, 0)).toMatchInlineSnapshot(`1.4668330550193787e-8`);
    expect(drawAt(1, 1)).toMatchInlineSnapshot(`0.6270739405881613`);
    expect(drawAt(42, 7)).toMatchInlineSnapshot(`0.2732279943302274`);
    expect(drawAt(0xffffffff, 3)).toMatchInlineSnapshot(`0.7156526781618595`);
    expect(drawAt(42, 7)).toBe(drawAt(42, 7));
    for (let n = 0; n < 500; n++) {
      const draw = drawAt(1234, n);
      expect(draw).toBeGreaterThanOrEqual(0);
      expect(draw).toBeLessThan(1);
    }
  });

  it('picks a whole number below the count', () => {
    expect(pick(0, 6)).toBe(0);
    expect(pick(0.1666, 6)).toBe(0);
    expect(pick(1 / 6, 6)).toBe(1);
    expect(pick(0.5, 6)).toBe(3);
    expect(pick(0.9999, 6)).toBe(5);
    expect(pick(1, 6)).toBe(5);
  });
});

describe('a new bug', () => {
  it('lands on a free cell and uses two draws', () => {
    const swarm = spawnBug(7, 0, START_CELL, []);
    expect(swarm.draws).toBe(2);
    expect(swarm.bugs).toHaveLength(1);
    expect(swarm.bugs).toMatchInlineSnapshot(`
      [
        {
          "golden": true,
          "x": 0,
          "y": 0,
        },
      ]
    `);
    expect(spawnBug(7, 10, START_CELL, []).draws).toBe(12);
  });

  it('never lands under the player or another bug', () => {
    for (let seed = 0; seed < 300; seed++) {
      const first = spawnBug(seed, 0, START_CELL, []);
      const second = spawnBug(seed, first.draws, START_CELL, first.bugs);
      const [a, b] = second.bugs as [Bug, Bug];
      expect(sameCell(a, START_CELL)).toBe(false);
      expect(sameCell(b, START_CELL)).toBe(false);
      expect(sameCell(a, b)).toBe(false);
    }
  });

  it('is golden about one time in six, decided by the seed', () => {
    let golden = 0;
    for (let seed = 0; seed < 600; seed++) if (spawnBug(seed, 0, START_CELL, []).bugs[0]?.golden) golden++;
    expect(golden).toBeGreaterThan(60);
    expect(golden).toBeLessThan(140);
    expect(golden).toMatchInlineSnapshot(`101`);
  });

  it('takes the only free cell when one is left', () => {
    const taken: Bug[] = [];
    for (let y = 0; y < 8; y++) for (let x = 0; x < 24; x++) if (!(x === 23 && y === 7) && !(x === 0 && y === 0)) taken.push({ x, y, golden: false });
    const swarm = spawnBug(99, 0, { x: 0, y: 0 }, taken);
    expect(swarm.bugs[swarm.bugs.length - 1]).toMatchObject({ x: 23, y: 7 });
  });
});

describe('wandering bugs', () => {
  const bugs: Bug[] = [
    { x: 2, y: 2, golden: false },
    { x: 10, y: 5, golden: true },
    { x: 20, y: 1, golden: false },
  ];

  it('uses one draw a bug and moves each at most one cell, golden kept', () => {
    const swarm = wander(3, 6, bugs);
    expect(swarm.draws).toBe(9);
    swarm.bugs.forEach((bug, index) => {
      const before = bugs[index] as Bug;
      expect(Math.abs(bug.x - before.x) + Math.abs(bug.y - before.y)).toBeLessThanOrEqual(1);
      expect(bug.golden).toBe(before.golden);
    });
    expect(swarm.bugs).toMatchInlineSnapshot(`
      [
        {
          "golden": false,
          "x": 2,
          "y": 3,
        },
        {
          "golden": true,
          "x": 10,
          "y": 6,
        },
        {
          "golden": false,
          "x": 20,
          "y": 1,
        },
      ]
    `);
    expect(wander(3, 6, bugs)).toEqual(swarm);
  });

  it('some seeds move a bug and some leave it', () => {
    const one: Bug[] = [{ x: 5, y: 5, golden: false }];
    let stayed = 0;
    let moved = 0;
    for (let seed = 0; seed < 100; seed++) {
      const [bug] = wander(seedFrom(`s${seed}`), 0, one).bugs as [Bug];
      if (sameCell(bug, one[0] as Bug)) stayed++;
      else moved++;
    }
    expect(stayed).toBeGreaterThan(5);
    expect(moved).toBeGreaterThan(50);
  });

  it('a bug never steps onto another or off the field', () => {
    // Two bugs side by side in a corner: whatever the seed, they stay apart and on the field.
    const pair: Bug[] = [
      { x: 0, y: 0, golden: false },
      { x: 1, y: 0, golden: false },
    ];
    for (let seed = 0; seed < 300; seed++) {
      const [a, b] = wander(seed, 0, pair).bugs as [Bug, Bug];
      expect(sameCell(a, b)).toBe(false);
      for (const bug of [a, b]) {
        expect(bug.x).toBeGreaterThanOrEqual(0);
        expect(bug.y).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('a bug blocked by another stays put', () => {
    // Find a seed where the first bug of a pair chooses to step right, onto the second one.
    let blocked = 0;
    for (let seed = 0; seed < 300; seed++) {
      const pair: Bug[] = [
        { x: 5, y: 5, golden: false },
        { x: 6, y: 5, golden: true },
      ];
      const free = wander(seed, 0, [pair[0] as Bug]).bugs[0] as Bug;
      if (free.x === 6 && free.y === 5) {
        blocked++;
        expect(wander(seed, 0, pair).bugs[0]).toEqual(pair[0]);
      }
    }
    expect(blocked).toBeGreaterThan(0);
  });
});
