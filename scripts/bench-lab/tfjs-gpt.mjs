// The lab's MHA model (src/lab: 2 layers, width 64, 8 heads of 8, RoPE θ = 10,000 in the rotate-half layout,
// pre-LayerNorm, ReLU MLP of 256, untied head, causal mask) written a second time with tfjs-core, as the bench's
// baseline: the same shapes, batch 16 × 64, Adam at 3e-3. The embedding is oneHot · wte, because tf.gather has no
// gradient on the wasm backend (notes §7). Runs in Node and, bundled, in a browser Worker; `tf` is passed in.

const C = 64;
const H = 8;
const HD = C / H;
const LAYERS = 2;
const HIDDEN = 256;
const T = 64;

/** mulberry32, as src/core/random.ts. */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function ropeTables() {
  const half = HD / 2;
  const cos = new Float32Array(T * HD);
  const sin = new Float32Array(T * HD);
  for (let t = 0; t < T; t++)
    for (let i = 0; i < half; i++) {
      const angle = t * Math.pow(10_000, (-2 * i) / HD);
      cos[t * HD + i] = cos[t * HD + i + half] = Math.cos(angle);
      sin[t * HD + i] = sin[t * HD + i + half] = Math.sin(angle);
    }
  const rot = new Float32Array(HD * HD);
  for (let i = 0; i < half; i++) {
    rot[(i + half) * HD + i] = -1;
    rot[i * HD + i + half] = 1;
  }
  return { cos, sin, rot };
}

/** A trainer of the MHA model on character ids `train` with vocabulary size `V`; step() resolves to the loss. */
export function createTfjsTrainer(tf, train, V, { batch = 16, seed = 1 } = {}) {
  const B = batch;
  let n = 0;
  const normal = (shape, std) => tf.variable(tf.randomNormal(shape, 0, std, 'float32', seed * 1009 + n++));
  const ones = (size) => tf.variable(tf.ones([size]));
  const zeros = (size) => tf.variable(tf.zeros([size]));
  const residual = 0.02 / Math.sqrt(2 * LAYERS);
  const p = { wte: normal([V, C], 0.02), head: normal([C, V], 0.02), lnfS: ones(C), lnfB: zeros(C), layers: [] };
  for (let l = 0; l < LAYERS; l++)
    p.layers.push({
      ln1S: ones(C),
      ln1B: zeros(C),
      wq: normal([C, C], 0.02),
      wk: normal([C, C], 0.02),
      wv: normal([C, C], 0.02),
      wo: normal([C, C], residual),
      ln2S: ones(C),
      ln2B: zeros(C),
      w1: normal([C, HIDDEN], 0.02),
      b1: zeros(HIDDEN),
      w2: normal([HIDDEN, C], residual),
      b2: zeros(C),
    });
  const tables = ropeTables();
  const cos = tf.tensor2d(tables.cos, [T, HD]);
  const sin = tf.tensor2d(tables.sin, [T, HD]);
  const rot = tf.tensor2d(tables.rot, [HD, HD]);
  const maskValues = new Float32Array(T * T);
  for (let i = 0; i < T; i++) for (let j = i + 1; j < T; j++) maskValues[i * T + j] = -1e9;
  const mask = tf.tensor2d(maskValues, [T, T]);
  const optimizer = tf.train.adam(3e-3);
  const rng = mulberry32(seed + 1);

  const layerNorm = (x, scale, bias) => {
    const { mean, variance } = tf.moments(x, -1, true);
    return x.sub(mean).div(variance.add(1e-5).sqrt()).mul(scale).add(bias);
  };
  const rope = (x) =>
    x.mul(cos).add(
      tf
        .matMul(x.reshape([-1, HD]), rot)
        .reshape(x.shape)
        .mul(sin),
    );
  const heads = (x) => x.reshape([B, T, H, HD]).transpose([0, 2, 1, 3]);

  const loss = (idx, targets) => {
    let x = tf.matMul(tf.cast(tf.oneHot(idx, V), 'float32'), p.wte); // (B·T, C)
    for (const l of p.layers) {
      const xn = layerNorm(x, l.ln1S, l.ln1B);
      const q = rope(heads(tf.matMul(xn, l.wq)));
      const k = rope(heads(tf.matMul(xn, l.wk)));
      const v = heads(tf.matMul(xn, l.wv));
      const att = tf.softmax(
        tf
          .matMul(q, k, false, true)
          .mul(1 / Math.sqrt(HD))
          .add(mask),
      );
      const merged = tf
        .matMul(att, v)
        .transpose([0, 2, 1, 3])
        .reshape([B * T, C]);
      x = x.add(tf.matMul(merged, l.wo));
      const xn2 = layerNorm(x, l.ln2S, l.ln2B);
      x = x.add(tf.matMul(tf.relu(tf.matMul(xn2, l.w1).add(l.b1)), l.w2).add(l.b2));
    }
    const logits = tf.matMul(layerNorm(x, p.lnfS, p.lnfB), p.head);
    return tf.losses.softmaxCrossEntropy(tf.oneHot(targets, V), logits);
  };

  return {
    async step() {
      const offsets = Array.from({ length: B }, () => Math.floor(rng() * (train.length - T - 1)));
      const window = (shift) => Int32Array.from(offsets.flatMap((o) => train.slice(o + shift, o + shift + T)));
      const value = tf.tidy(() => {
        const idx = tf.tensor1d(window(0), 'int32');
        const targets = tf.tensor1d(window(1), 'int32');
        return optimizer.minimize(() => loss(idx, targets), true);
      });
      const [result] = await value.data();
      value.dispose();
      return result;
    },
  };
}
