import { describe, expect, it } from 'vitest';
import { nelderMead } from '../../src/forecast/nelder-mead';

const options = { step: 0.5, pointTolerance: 1e-10, valueTolerance: 1e-14, maxIterations: 5000 };

describe('nelderMead', () => {
  it('finds the minimum (1, 1) of Rosenbrock’s function from (−1.2, 1)', () => {
    const rosenbrock = (p: Float64Array) => 100 * (p[1]! - p[0]! ** 2) ** 2 + (1 - p[0]!) ** 2;
    const minimum = nelderMead(rosenbrock, [-1.2, 1], options);
    expect(minimum.converged).toBe(true);
    expect(minimum.point[0]).toBeCloseTo(1, 6);
    expect(minimum.point[1]).toBeCloseTo(1, 6);
    expect(minimum.value).toBeLessThan(1e-12);
  });

  it('finds the centre of a 4-dimensional quadratic bowl', () => {
    const centre = [3, -1, 0.5, 2];
    const bowl = (p: Float64Array) => centre.reduce((sum, c, i) => sum + (i + 1) * (p[i]! - c) ** 2, 0);
    const minimum = nelderMead(bowl, [0, 0, 0, 0], options);
    minimum.point.forEach((value, index) => {
      expect(value).toBeCloseTo(centre[index]!, 6);
    });
  });

  it('treats NaN and Infinity as +∞, so an objective can fence off a region', () => {
    const fenced = (p: Float64Array) => (p[0]! < 2 ? NaN : (p[0]! - 3) ** 2);
    const minimum = nelderMead(fenced, [4], options);
    expect(minimum.point[0]).toBeCloseTo(3, 6);
  });

  it('reports no convergence when iterations run out', () => {
    const minimum = nelderMead((p) => (p[0]! - 100) ** 2, [0], { ...options, maxIterations: 3 });
    expect(minimum).toMatchObject({ converged: false, iterations: 3 });
  });
});
