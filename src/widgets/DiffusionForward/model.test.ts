import { describe, expect, it } from 'vitest';
import { FORWARD_T, formatSnr, formatValue, forwardFromUrl, forwardToUrl, forwardView } from './model';

describe('forward-process view', () => {
  it('at t = 500 reads linear ᾱ = 0.0786, SNR 0.0853 (−10.7 dB) and cosine ᾱ = 0.494, SNR 0.976 (−0.1 dB)', () => {
    const view = forwardView({ t: 500, chart: 'alphaBar' });
    expect(view.readout).toBe(
      't = 500 of 1000. Linear: ᾱ = 0.0786, SNR 0.0853 (−10.7 dB). Cosine: ᾱ = 0.494, SNR 0.976 (−0.1 dB).',
    );
    expect(view.panels[0].mixText).toBe('xₜ = 0.280·x₀ + 0.960·ε');
    expect(view.panels[0].snrParts).toEqual(['0.0853', '(−10.7 dB)']);
    expect([view.panels[1].name, view.panels[1].paper]).toEqual(['Cosine', 'Improved DDPM']);
    expect(view.markers).toEqual([{ x: 500, label: 't = 500' }]);
  });

  it('at t = 0 shows the clean picture under both schedules', () => {
    const view = forwardView({ t: 0, chart: 'alphaBar' });
    expect(view.readout).toMatch(/^t = 0: the clean picture/);
    expect(Array.from(view.panels[0].rgba)).toEqual(Array.from(view.original));
    expect(Array.from(view.panels[1].rgba)).toEqual(Array.from(view.original));
    expect(view.panels[0].snrText).toBe('∞ (clean)');
    expect(view.panels[0].snrParts).toEqual(['∞', '(clean)']);
  });

  it('at t = 1000 the linear ᾱ is 4.04 × 10⁻⁵ and the picture is pure noise (no pixel equals x₀ on average)', () => {
    const view = forwardView({ t: 1000, chart: 'alphaBar' });
    expect(view.panels[0].alphaBarText).toBe('4.04 × 10⁻⁵');
    let same = 0;
    view.panels[0].rgba.forEach((v, i) => {
      if (i % 4 !== 3 && v === view.original[i]) same += 1;
    });
    expect(same / (64 * 64 * 3)).toBeLessThan(0.05);
  });

  it('clamps t into 0 … 1000 and offers ᾱ or SNR (dB, from t = 5) charts for both schedules', () => {
    expect(forwardView({ t: 5000, chart: 'alphaBar' }).t).toBe(FORWARD_T);
    expect(forwardView({ t: -3, chart: 'alphaBar' }).t).toBe(0);
    const snr = forwardView({ t: 10, chart: 'snr' }).chart;
    expect(snr.series.map((s) => s.id)).toEqual(['linear', 'cosine']);
    expect(snr.series[0]?.points[0]?.x).toBe(5);
    expect(snr.series.every((s) => s.points.every((p) => Number.isFinite(p.y)))).toBe(true);
    expect(forwardView({ t: 10, chart: 'alphaBar' }).chart.yDomain).toEqual([0, 1]);
  });

  it('formats values with three significant digits, scientific below 0.001, and SNR in dB', () => {
    expect(formatValue(0.07858724288177824)).toBe('0.0786');
    expect(formatValue(24221.3)).toBe('2.42 × 10⁴');
    expect(formatValue(2.4287669070348567e-9)).toBe('2.43 × 10⁻⁹');
    expect(formatValue(Infinity)).toBe('∞');
    expect(formatValue(NaN)).toBe('–');
    expect(formatSnr(1)).toBe('1 (+0.0 dB)');
  });

  it('restores fwd.t and fwd.chart from a link and notes bad values', () => {
    expect(forwardFromUrl(new URLSearchParams('fwd.t=750&fwd.chart=snr'))).toEqual({
      state: { t: 750, chart: 'snr' },
      notes: [],
    });
    const bad = forwardFromUrl(new URLSearchParams('fwd.t=abc&fwd.chart=pie'));
    expect(bad.state).toEqual({ t: 300, chart: 'alphaBar' });
    expect(bad.notes).toHaveLength(2);
    expect(bad.notes[0]).toMatch(/fwd\.t "abc" is not an integer from 0 to 1000; using 300/);
    expect(forwardToUrl({ t: 300, chart: 'alphaBar' })).toEqual({ 'fwd.t': undefined, 'fwd.chart': undefined });
    expect(forwardToUrl({ t: 10, chart: 'snr' })).toEqual({ 'fwd.t': 10, 'fwd.chart': 'snr' });
  });
});
