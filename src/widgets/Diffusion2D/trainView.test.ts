import { describe, expect, it } from 'vitest';
import { IDLE_TRAIN, reduceTrain, startTrain, trainingView } from './trainView';

describe('the training panel', () => {
  it('says what pressing Train loads before anything happens', () => {
    const view = trainingView(IDLE_TRAIN, null);
    expect(view.statusText).toBe(
      'Not started. Training loads jax-js (≈ 101 KB gzip) into a background thread; the page stays responsive.',
    );
    expect(view).toMatchObject({ busy: false, canStart: true, progress: null, startLabel: 'Train live', series: [] });
    expect(trainingView(IDLE_TRAIN, 'Draw at least 10 points first (3 so far).').canStart).toBe(false);
  });

  it('follows loading → training → done with the loss curve, progress and rates', () => {
    let s = startTrain(2000);
    expect(trainingView(s, null).statusText).toBe('Loading jax-js (≈ 101 KB gzip) in a background thread…');
    expect(trainingView(s, null).busy).toBe(true);
    s = reduceTrain(s, { type: 'ready', device: 'wasm', ms: 700 });
    s = reduceTrain(s, {
      type: 'progress',
      step: 20,
      points: [
        { step: 1, loss: 0.97 },
        { step: 10, loss: 0.8 },
        { step: 20, loss: 0.6 },
      ],
      raw: 0.55,
      stepsPerSecond: 98.6,
    });
    s = reduceTrain(s, {
      type: 'progress',
      step: 500,
      points: [{ step: 500, loss: 0.25 }],
      raw: 0.2,
      stepsPerSecond: 120.2,
    });
    const view = trainingView(s, null);
    expect(view.statusText).toBe('Step 500 of 2,000 · loss 0.250 (from 0.970) · 120 steps/s');
    expect(view.progress).toBe(0.25);
    expect(view.series[0]?.points).toEqual([
      { x: 1, y: 0.97 },
      { x: 10, y: 0.8 },
      { x: 20, y: 0.6 },
      { x: 500, y: 0.25 },
    ]);
    expect(s.loadMs).toBe(700);
    s = reduceTrain(s, { type: 'done', step: 2000, weights: [], stopped: false });
    expect(trainingView(s, null)).toMatchObject({ busy: false, progress: null, startLabel: 'Train again' });
    expect(trainingView(s, null).statusText).toBe(
      'Finished 2,000 steps · loss 0.250 (from 0.970). Sampling with the new weights.',
    );
  });

  it('thins a long loss curve to at most 250 points, keeping the last', () => {
    const points = Array.from({ length: 1000 }, (_, i) => ({ step: (i + 1) * 10, loss: 1 / (i + 1) }));
    const s = reduceTrain(startTrain(10000), {
      type: 'progress',
      step: 10000,
      points,
      raw: 0.001,
      stepsPerSecond: 100,
    });
    const drawn = trainingView(s, null).series[0]?.points ?? [];
    expect(drawn.length).toBeLessThanOrEqual(250);
    expect(drawn[drawn.length - 1]).toEqual({ x: 10000, y: 0.001 });
  });

  it('reports a stop and an error, and never keeps a non-finite loss', () => {
    let s = reduceTrain(startTrain(500), {
      type: 'progress',
      step: 30,
      points: [
        { step: 10, loss: NaN },
        { step: 20, loss: 0.5 },
      ],
      raw: 0.5,
      stepsPerSecond: NaN,
    });
    expect(s.points).toEqual([{ step: 20, loss: 0.5 }]);
    expect(s.stepsPerSecond).toBeNull();
    s = reduceTrain(s, { type: 'done', step: 30, weights: [], stopped: true });
    expect(trainingView(s, null).statusText).toBe(
      'Stopped at step 30 · loss 0.500 (from 0.500). Sampling with the weights so far.',
    );
    s = reduceTrain(s, { type: 'error', message: 'wasm unavailable' });
    expect(trainingView(s, null).statusText).toBe('Training failed: wasm unavailable.');
  });
});
