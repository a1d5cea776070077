import { describe, expect, it } from 'vitest';
import { quasiNewton, type ObjectiveWithGradient } from '../../src/forecast/quasi-newton';

const options = { valueTolerance: 1e-20, stallTolerance: 1e-14, maxIterations: 500, maxStep: 2, bound: 30 };

const rosenbrock: ObjectiveWithGradient = (p, g) => {
  const [x = 0, y = 0] = p;
  g[0] = -400 * x * (y - x * x) - 2 * (1 - x);
  g[1] = 200 * (y - x * x);
  return 100 * (y - x * x) ** 2 + (1 - x) ** 2;
};

describe('quasiNewton', () => {
  it('finds the minimum (1, 1) of Rosenbrock’s function from (−1.2, 1) in fewer than 60 iterations', () => {
    const minimum = quasiNewton(rosenbrock, [-1.2, 1], options);
    expect(minimum.converged).toBe(true);
    expect(minimum.point[0]).toBeCloseTo(1, 9);
    expect(minimum.point[1]).toBeCloseTo(1, 9);
    expect(minimum.value).toBeLessThan(1e-18);
    expect(minimum.iterations).toBeLessThan(60);
    expect(minimum.evaluations).toBeGreaterThanOrEqual(minimum.iterations);
  });

  it('finds the centre of a 4-dimensional quadratic bowl to 1e-9', () => {
    const centre = [3, -1, 0.5, 2];
    const bowl: ObjectiveWithGradient = (p, g) =>
      centre.reduce((sum, c, i) => {
        g[i] = 2 * (i + 1) * (p[i]! - c);
        return sum + (i + 1) * (p[i]! - c) ** 2;
      }, 0);
    const minimum = quasiNewton(bowl, [0, 0, 0, 0], options);
    expect(minimum.converged).toBe(true);
    minimum.point.forEach((value, index) => {
      expect(value).toBeCloseTo(centre[index]!, 9);
    });
  });

  it('stops at once, converged, when it starts at the minimum', () => {
    const minimum = quasiNewton(rosenbrock, [1, 1], options);
    expect(minimum).toMatchObject({ converged: true, iterations: 0, evaluations: 1, point: [1, 1], value: 0 });
  });

  it('treats NaN and Infinity as +∞, so an objective can fence off a region', () => {
    const fenced: ObjectiveWithGradient = (p, g) => {
      g[0] = 2 * (p[0]! - 3);
      return p[0]! < 2 ? NaN : (p[0]! - 3) ** 2;
    };
    const minimum = quasiNewton(fenced, [10], { ...options, maxStep: 100 });
    expect(minimum.converged).toBe(true);
    expect(minimum.point[0]).toBeCloseTo(3, 9);
    const gradientNotFinite: ObjectiveWithGradient = (p, g) => {
      g[0] = p[0]! < 2 ? NaN : 2 * (p[0]! - 3);
      return (p[0]! - 3) ** 2;
    };
    expect(quasiNewton(gradientNotFinite, [10], { ...options, maxStep: 100 }).point[0]).toBeCloseTo(3, 9);
  });

  it('reports no convergence, and an infinite value, when the start is not finite', () => {
    const minimum = quasiNewton(() => NaN, [0.5], options);
    expect(minimum).toMatchObject({ converged: false, value: Infinity, point: [0.5], iterations: 0 });
  });

  it('reports no convergence when iterations run out', () => {
    const minimum = quasiNewton(rosenbrock, [-1.2, 1], { ...options, maxIterations: 3 });
    expect(minimum).toMatchObject({ converged: false, iterations: 3 });
  });

  it('stops, unconverged, once a coordinate passes the bound while the objective keeps falling', () => {
    // e^−x falls for ever: the search walks out, at most maxStep per iteration, until it passes x = 16.
    const falling: ObjectiveWithGradient = (p, g) => {
      g[0] = -Math.exp(-p[0]!);
      return Math.exp(-p[0]!);
    };
    const minimum = quasiNewton(falling, [0], { ...options, bound: 16 });
    expect(minimum.converged).toBe(false);
    expect(minimum.point[0]).toBeGreaterThan(16);
    expect(minimum.point[0]).toBeLessThanOrEqual(18);
  });

  it('stops, converged, at the rounding noise of an objective that cannot resolve its last digits', () => {
    // A bowl whose values are rounded to 1e-9 and whose gradient is off by ±1e-4, so it never vanishes:
    // near x = 1 no step lowers the value.
    const rounded: ObjectiveWithGradient = (p, g) => {
      g[0] = 2 * (p[0]! - 1) + (p[0]! < 1 ? -1e-4 : 1e-4);
      return Math.round(((p[0]! - 1) ** 2 + 1) * 1e9) / 1e9;
    };
    const minimum = quasiNewton(rounded, [0], { ...options, stallTolerance: 1e-6 });
    expect(minimum.converged).toBe(true);
    expect(minimum.point[0]).toBeCloseTo(1, 3);
  });

  it('zooms in on the minimum just past a wall that ends a linear stretch', () => {
    // −x, then a cubic wall from x = 1.5: the minimum is at 1.5 + 1/√3000.
    const wall: ObjectiveWithGradient = (p, g) => {
      const over = Math.max(0, p[0]! - 1.5);
      g[0] = -1 + 3000 * over ** 2;
      return -p[0]! + 1000 * over ** 3;
    };
    const minimum = quasiNewton(wall, [0], { ...options, maxStep: 100 });
    expect(minimum.converged).toBe(true);
    expect(minimum.point[0]).toBeCloseTo(1.5 + Math.sqrt(1 / 3000), 12);
  });
});

describe('quasiNewton on misleading or flat objectives', () => {
  it('follows a linear slope with doubling steps, at most 2¹¹ times the first per line search, until it passes the bound', () => {
    const linear: ObjectiveWithGradient = (p, g) => {
      g[0] = -1e-3;
      return -1e-3 * p[0]!;
    };
    const minimum = quasiNewton(linear, [0], { ...options, maxStep: 1e9, bound: 100 });
    expect(minimum.converged).toBe(false);
    expect(minimum.point[0]).toBeGreaterThan(100);
    expect(minimum.iterations).toBe(Math.ceil(100 / (2048 * 1e-3)));
  });

  it('gives up, unconverged, when the gradient does not match the objective', () => {
    // The gradient of (x − 1)² + (y − 1)² with a bias: it vanishes at (0.75, 1), where the objective does not.
    const biased: ObjectiveWithGradient = (p, g) => {
      g[0] = 2 * (p[0]! - 1) + 0.5;
      g[1] = 2 * (p[1]! - 1);
      return (p[0]! - 1) ** 2 + (p[1]! - 1) ** 2;
    };
    const minimum = quasiNewton(biased, [3, 3], options);
    expect(minimum.converged).toBe(false);
    expect(minimum.iterations).toBeLessThan(options.maxIterations);
  });
});
