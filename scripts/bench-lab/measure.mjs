// Throughput of a training step function: `warmup` steps (compilation, caches) are left out, then `steps` steps
// are timed together. Shared by the Node and browser sides of `npm run bench:lab`.

/** Runs `step` and returns { tokensPerSecond, losses } over the timed steps. */
export async function measure(step, { warmup, steps, tokensPerStep }) {
  const losses = [];
  for (let i = 0; i < warmup; i++) losses.push(await step());
  const started = performance.now();
  for (let i = 0; i < steps; i++) losses.push(await step());
  const seconds = (performance.now() - started) / 1000;
  return { tokensPerSecond: (steps * tokensPerStep) / seconds, msPerStep: (seconds * 1000) / steps, losses };
}
