import { describe, expect, it } from 'vitest';
import { hypergeometric2F1 } from '../../src/forecast/hypergeometric';

function expectRelative(actual: number, expected: number, tolerance = 1e-10): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

// z values that exercise every branch: Pfaff (z < 0, twice beyond −1), the power series (z ≤ 0.9)
// and the 1 − z transformation up to z = 1 − 1e-8.
const zs = [-30, -3, -1, -0.4, 0.05, 0.3, 0.5, 0.75, 0.9, 0.91, 0.95, 0.99, 0.999, 0.99999, 1 - 1e-8];

describe('hypergeometric2F1 against closed forms (A&S 15.1)', () => {
  it('₂F₁(1, 1; 2; z) = −ln(1 − z) / z, where c − a − b = 0 needs the logarithmic case', () => {
    for (const z of zs) expectRelative(hypergeometric2F1(1, 1, 2, z), -Math.log1p(-z) / z);
  });

  it('₂F₁(a, b; b; z) = (1 − z)^−a for integer and fractional a', () => {
    for (const a of [0.7, 2, 3.25]) {
      for (const z of zs) expectRelative(hypergeometric2F1(a, 1.9, 1.9, z), Math.pow(1 - z, -a));
    }
  });

  it('₂F₁(½, ½; 3/2; z²) = arcsin(z) / z and ₂F₁(½, 1; 3/2; −z²) = arctan(z) / z', () => {
    for (const z of [0.1, 0.5, 0.9, 0.97, 0.999]) {
      expectRelative(hypergeometric2F1(0.5, 0.5, 1.5, z * z), Math.asin(z) / z);
    }
    for (const z of [0.1, 1, 3, 40]) expectRelative(hypergeometric2F1(0.5, 1, 1.5, -z * z), Math.atan(z) / z);
  });

  it('₂F₁(1, 1; 3; z) = 2 [z + (1 − z) ln(1 − z)] / z², the logarithmic case with c − a − b = 1', () => {
    for (const z of [0.2, 0.6, 0.92, 0.99, 0.9999]) {
      expectRelative(hypergeometric2F1(1, 1, 3, z), (2 * (z + (1 - z) * Math.log1p(-z))) / (z * z));
    }
  });

  it('₂F₁(−3, b; c; z) is the cubic polynomial of its terminating series', () => {
    const [b, c] = [2.5, 4];
    for (const z of [-5, -0.5, 0.5, 0.99]) {
      const polynomial =
        1 +
        ((-3 * b) / c) * z +
        ((-3 * -2 * b * (b + 1)) / (c * (c + 1) * 2)) * z * z +
        ((-3 * -2 * -1 * b * (b + 1) * (b + 2)) / (c * (c + 1) * (c + 2) * 6)) * z * z * z;
      expectRelative(hypergeometric2F1(-3, b, c, z), polynomial, 1e-13);
    }
  });

  it('₂F₁(a, b; c; 1) is Gauss’s sum Γ(c) Γ(c−a−b) / (Γ(c−a) Γ(c−b)): 2F1(1, 1; 3; 1) = 2', () => {
    expectRelative(hypergeometric2F1(1, 1, 3, 1), 2);
    // Γ(4) Γ(1.5) / (Γ(3.5) Γ(2)) = 6 · (√π/2) / ((15/8) √π) = 1.6
    expectRelative(hypergeometric2F1(0.5, 2, 4, 1), 1.6);
  });

  it('₂F₁(a, b; c; 0) = 1 and a = 0 or b = 0 give 1', () => {
    expect(hypergeometric2F1(2, 3, 4, 0)).toBe(1);
    expect(hypergeometric2F1(0, 3, 4, 0.99)).toBe(1);
    expect(hypergeometric2F1(2, 0, 4, -7)).toBe(1);
  });

  it('2 K(k) / π = ₂F₁(½, ½; 1; k²) at k = sin 89°, the last row of A&S Table 17.1 (K = 5.434910)', () => {
    const k = Math.sin((89 * Math.PI) / 180);
    // A&S Table 17.1 prints K(89°) = 5.43490 98296; mpmath ellipk gives 5.434909829625563.
    expectRelative((Math.PI / 2) * hypergeometric2F1(0.5, 0.5, 1, k * k), 5.434909829625563);
  });
});

describe('hypergeometric2F1 against mpmath in the models’ parameter ranges', () => {
  // mpmath 1.3.0 hyp2f1 at 40 digits, with the double arguments exactly as written here.
  const reference: [number, number, number, number, number][] = [
    // E[X(t)] of the CDNOW BG/NBD fit: 2F1(r, b; a + b − 1; t / (α + t))
    [0.243, 2.426, 2.219, 0.5, 1.2070970070440423],
    [0.243, 2.426, 2.219, 0.9, 1.947631169818602],
    [0.243, 2.426, 2.219, 0.95, 2.4461866770309917],
    [0.243, 2.426, 2.219, 0.9996, 16.4021541700646],
    // Conditional expectations: 2F1(r + x, b + x; a + b + x − 1; t / (α + T + t))
    [2.243, 4.426, 4.219, 0.47, 4.49303693401162],
    [30.243, 32.426, 32.219, 0.6, 1299805233180.1116],
    // DERL of the sBG fits: 2F1(1, β + n; α + β + n; 1 / (1 + d))
    [1, 4.806, 5.474, 1 / 1.1, 6.365230152502746],
    [1, 11.806, 12.474, 1 / 1.01, 34.164046645752386],
    [1, 1.182 + 50, 0.704 + 1.182 + 50, 1 / 1.001, 214.31767886852876],
    // Harder cases: integer c − a − b, negative c, negative b, far-negative z
    [2.5, 1.5, 3, 0.97, 53.033545887740864],
    [0.5, 0.5, 1, 0.999999, 5.280157154762713],
    [1, 1, 3, 0.95, 1.7733260638721338],
    [3, 4, 5, 0.98, 4827.816558699435],
    [0.3, 0.7, -0.4, 0.5, 0.13571213928607048],
    [0.3, 0.7, -0.4, 0.93, -30.23029905585287],
    [5, -2, 3.5, 0.8, -0.06666666666666665],
    [0.2, 0.3, 1.5, -50, 0.7424016789934628],
    // c − a − b = 1e-7: 15.3.6 would cancel catastrophically; the series is summed instead.
    [1.5, 2.5, 4.0000001, 0.99999, 48.99037929329061],
  ];
  for (const [a, b, c, z, expected] of reference) {
    it(`₂F₁(${String(a)}, ${String(b)}; ${String(c)}; ${String(z)}) to 1e-10`, () => {
      expectRelative(hypergeometric2F1(a, b, c, z), expected);
    });
  }
});
