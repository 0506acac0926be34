import { describe, expect, it } from 'vitest';
import { InputError } from '../modelSpec';
import {
  buildInput,
  initMlp,
  INPUT_DIM,
  meanNearestDistance,
  mlpEpsPredictor,
  mlpForward,
  mlpFromTensors,
  mlpParamCount,
  mlpShapes,
  timeFeatures,
} from './mlp';
import { NO_CLASS } from './sample';

describe('MLP denoiser', () => {
  it('has 9,794 parameters at width 64 × 3 layers and 35,970 at 128 × 3 (input 20, output 2)', () => {
    expect(INPUT_DIM).toBe(20);
    expect(mlpParamCount({ hidden: 64, depth: 3 })).toBe(9794);
    expect(mlpParamCount({ hidden: 128, depth: 3 })).toBe(35970);
    expect(mlpShapes({ hidden: 8, depth: 1 })).toEqual([
      { name: 'w0', shape: [20, 8] },
      { name: 'b0', shape: [8] },
      { name: 'w1', shape: [8, 2] },
      { name: 'b1', shape: [2] },
    ]);
  });

  it('forward of a 1-unit net: silu(1·2 + 0.5·1 + 0.25) = 2.5847617, then [1, −2]·h + [0.1, 0.2]', () => {
    const w0 = new Float32Array(20);
    w0[0] = 1;
    w0[1] = 0.5;
    const mlp = mlpFromTensors({ hidden: 1, depth: 1 }, [
      w0,
      Float32Array.of(0.25),
      Float32Array.of(1, -2),
      Float32Array.of(0.1, 0.2),
    ]);
    const input = new Float32Array(20);
    input[0] = 2;
    input[1] = 1;
    const out = mlpForward(mlp, input, 1);
    expect(out[0]).toBeCloseTo(2.684761712021479, 5);
    expect(out[1]).toBeCloseTo(-4.969523424042958, 5);
  });

  it('time features of t = 50 of 100 are sin/cos of 2^k·π/2: [1, 0, 0, −1, …]', () => {
    const f = timeFeatures(50, 100);
    expect(f.length).toBe(16);
    expect(f[0]).toBeCloseTo(1, 6);
    expect(f[1]).toBeCloseTo(0, 6);
    expect(f[2]).toBeCloseTo(0, 6);
    expect(f[3]).toBeCloseTo(-1, 6);
  });

  it('the input row is x, the 16 time features and a class one-hot (zeros for ∅)', () => {
    const input = buildInput(Float32Array.of(0.5, -1, 2, 3, 0, 0), 10, 100, Int32Array.of(0, 1, NO_CLASS));
    expect(input.length).toBe(60);
    expect(Array.from(input.slice(0, 2))).toEqual([0.5, -1]);
    expect(Array.from(input.slice(18, 20))).toEqual([1, 0]);
    expect(Array.from(input.slice(38, 40))).toEqual([0, 1]);
    expect(Array.from(input.slice(58, 60))).toEqual([0, 0]);
    expect(Array.from(buildInput(Float32Array.of(1, 1), 10, 100, null).slice(18))).toEqual([0, 0]);
    expect(Array.from(input.slice(2, 18))).toEqual(Array.from(timeFeatures(10, 100)));
  });

  it('initialisation is seeded and bounded by 1/√fan_in; the ε-predictor maps N × 2 to N × 2', () => {
    const a = initMlp({ hidden: 16, depth: 2 }, 3);
    const b = initMlp({ hidden: 16, depth: 2 }, 3);
    expect(Array.from(a.layers[0]?.w ?? [])).toEqual(Array.from(b.layers[0]?.w ?? []));
    expect(Math.max(...Array.from(a.layers[1]?.w ?? []).map(Math.abs))).toBeLessThanOrEqual(1 / 4);
    const eps = mlpEpsPredictor(a, 100)(new Float32Array(10), 7, null);
    expect(eps.length).toBe(10);
    expect(eps.every(Number.isFinite)).toBe(true);
  });

  it('meanNearestDistance([(0,0), (3,4)] → data [(0,1), (0,0)]) = (0 + √18)/2 = 2.1213203', () => {
    expect(meanNearestDistance(Float32Array.of(0, 0, 3, 4), Float32Array.of(0, 1, 0, 0))).toBeCloseTo(
      2.1213203435596424,
      6,
    );
  });

  it('refuses bad configs, tensors and empty sets, naming the field', () => {
    expect(() => mlpShapes({ hidden: 0, depth: 3 })).toThrow(/hidden must be an integer from 1 to 1,024/);
    expect(() => mlpShapes({ hidden: 8, depth: 9 })).toThrow(/depth must be an integer from 1 to 8/);
    expect(() => mlpFromTensors({ hidden: 1, depth: 1 }, [])).toThrow(InputError);
    expect(() => meanNearestDistance(new Float32Array(), Float32Array.of(0, 0))).toThrow(InputError);
  });
});
