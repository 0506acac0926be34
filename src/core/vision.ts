/**
 * How many tokens an image becomes, for the vision encoders and multimodal connectors the atlas discusses.
 *
 * - ViT (Dosovitskiy et al. 2020, arXiv:2010.11929 §3.1, Eq. 1): an H×W image is cut into non-overlapping P×P
 *   patches, N = HW/P², and a learnable [class] token is prepended, so the encoder sees N + 1 tokens. Model sizes
 *   from Table 1 (Base: 12 layers, width 768; Large: 24 layers, width 1024). A conv with kernel and stride P drops
 *   any remainder rows or columns, so rows = ⌊H/P⌋.
 * - LLaVA-1.5 (Liu et al. 2023, arXiv:2310.03744 §3; LLaVA arXiv:2304.08485 §4.1): CLIP ViT-L/14 at 336 px, features
 *   of the second-to-last layer with the [CLS] token dropped (haotian-liu/LLaVA
 *   llava/model/multimodal_encoder/clip_encoder.py, `select_feature = 'patch'` → `image_features[:, 1:]`), passed
 *   through an MLP projector: 24 × 24 = 576 image tokens in the LLM sequence.
 * - Qwen2-VL (Wang et al. 2024, arXiv:2409.12191 §2.1): native resolution with 14-px patches, each 2×2 group of
 *   neighbouring patches merged into one token by an MLP, and the image wrapped in <|vision_start|> and
 *   <|vision_end|>; "an image with a resolution of 224 × 224 … will be compressed to 66 tokens". The resize rule is
 *   `smart_resize` of QwenLM/Qwen2-VL qwen-vl-utils/src/qwen_vl_utils/vision_process.py@487a12d: both sides rounded
 *   (Python round, half to even) to multiples of 28 = 14·2, at least 28, then scaled down (floor) if the area
 *   exceeds max_pixels = 16384·28·28 = 12,845,056 or up (ceil) if below min_pixels = 4·28·28 = 3,136, keeping the
 *   aspect ratio; aspect ratios above 200 are rejected. A still image is repeated to fill the temporal patch of 2,
 *   so it has one temporal slice.
 * - Flamingo (Alayrac et al. 2022, arXiv:2204.14198 §2.1): a Perceiver Resampler maps each image's features to a
 *   fixed 64 visual tokens, read by gated cross-attention layers; none enter the language model's token sequence.
 * - Chameleon (Chameleon Team 2024, arXiv:2405.09818 §2.1): a VQ tokenizer encodes a 512×512 image into 1024
 *   discrete tokens from a codebook of 8192, placed in the sequence like text (early fusion).
 */
import { InputError, positiveInt } from './modelSpec';

/** The longest image side the calculators accept, in pixels. */
export const MAX_IMAGE_SIDE = 100_000;

/** A patch grid over an image and the token sequence it makes. */
export interface PatchGrid {
  /** Image height and width in pixels (after any resize). */
  height: number;
  width: number;
  /** Patch side P in pixels. */
  patch: number;
  rows: number;
  cols: number;
  /** rows · cols. */
  patches: number;
  /** Extra tokens prepended ([CLS]); 0 or 1. */
  cls: number;
  /** patches + cls: the encoder's sequence length. */
  sequence: number;
  /** Pixels dropped at the bottom and right because P does not divide the side. */
  remainder: { height: number; width: number };
}

/** The patch grid of a `height`×`width` image with P = `patch` and `cls` prepended tokens (ViT Eq. 1). */
export function patchGrid(height: number, width: number, patch: number, cls = 0): PatchGrid {
  const h = positiveInt('height', height, MAX_IMAGE_SIDE);
  const w = positiveInt('width', width, MAX_IMAGE_SIDE);
  const p = positiveInt('patch', patch, Math.min(h, w));
  if (cls !== 0 && cls !== 1) throw new InputError('cls', `cls must be 0 or 1, got ${cls}`);
  const rows = Math.floor(h / p);
  const cols = Math.floor(w / p);
  return {
    height: h,
    width: w,
    patch: p,
    rows,
    cols,
    patches: rows * cols,
    cls,
    sequence: rows * cols + cls,
    remainder: { height: h - rows * p, width: w - cols * p },
  };
}

/** Ids of the plain ViT settings. */
export type VitId = 'vit-b16-224' | 'vit-b16-336' | 'vit-b16-384' | 'vit-l14-224' | 'vit-l14-336';

/** A ViT encoder at one input resolution. */
export interface VitSetting {
  id: VitId;
  /** e.g. "ViT-B/16 at 224 px". */
  label: string;
  model: 'ViT-B/16' | 'ViT-L/14';
  resolution: number;
  patch: number;
  layers: number;
  width: number;
  source: string;
}

const VIT_B = { model: 'ViT-B/16', patch: 16, layers: 12, width: 768 } as const;
const VIT_L = { model: 'ViT-L/14', patch: 14, layers: 24, width: 1024 } as const;
const VIT_SOURCE = 'Dosovitskiy et al. 2020 (arXiv:2010.11929), §3.1 Eq. 1 and Table 1';

/** ViT-B/16 and ViT-L/14 at 224 and 336 px, and ViT-B/16 at 384 px (the paper's fine-tuning resolution). */
export const VIT_SETTINGS: readonly VitSetting[] = [
  { id: 'vit-b16-224', label: 'ViT-B/16 at 224 px', resolution: 224, ...VIT_B, source: VIT_SOURCE },
  { id: 'vit-b16-336', label: 'ViT-B/16 at 336 px', resolution: 336, ...VIT_B, source: VIT_SOURCE },
  {
    id: 'vit-b16-384',
    label: 'ViT-B/16 at 384 px',
    resolution: 384,
    ...VIT_B,
    source: `${VIT_SOURCE}; fine-tuned at 384 px (§4.1)`,
  },
  {
    id: 'vit-l14-224',
    label: 'ViT-L/14 at 224 px (CLIP)',
    resolution: 224,
    ...VIT_L,
    source: 'Radford et al. 2021 (arXiv:2103.00020), CLIP ViT-L/14; patch arithmetic of ViT Eq. 1',
  },
  {
    id: 'vit-l14-336',
    label: 'ViT-L/14 at 336 px (CLIP)',
    resolution: 336,
    ...VIT_L,
    source: 'Radford et al. 2021 (arXiv:2103.00020), CLIP ViT-L/14@336px; patch arithmetic of ViT Eq. 1',
  },
];

/** The ViT setting with this id; throws an InputError naming `setting` otherwise. */
export function vitSetting(id: string): VitSetting {
  const found = VIT_SETTINGS.find((s) => s.id === id);
  if (!found)
    throw new InputError('setting', `setting must be one of ${VIT_SETTINGS.map((s) => s.id).join(', ')}, got "${id}"`);
  return found;
}

/** The encoder's patch grid for a ViT setting: square image, [CLS] prepended. */
export function vitTokens(id: string): PatchGrid {
  const s = vitSetting(id);
  return patchGrid(s.resolution, s.resolution, s.patch, 1);
}

/** LLaVA-1.5's vision side: CLIP ViT-L/14 at 336 px, penultimate layer, [CLS] dropped, MLP projector. */
export const LLAVA_15 = {
  encoder: 'CLIP ViT-L/14 at 336 px',
  resolution: 336,
  patch: 14,
  /** hidden_states[-2]: the second-to-last encoder layer. */
  selectLayer: -2,
  source:
    'Liu et al. 2023 (arXiv:2310.03744) §3; haotian-liu/LLaVA llava/model/multimodal_encoder/clip_encoder.py (select_feature "patch" drops [CLS])',
} as const;

/** LLaVA-1.5: the encoder grid (with its [CLS]) and the image tokens that reach the LLM (without it). */
export function llava15Tokens(): { grid: PatchGrid; imageTokens: number } {
  const grid = patchGrid(LLAVA_15.resolution, LLAVA_15.resolution, LLAVA_15.patch, 1);
  return { grid, imageTokens: grid.patches };
}

/** Qwen2-VL's image processing constants (qwen-vl-utils vision_process.py; Qwen2-VL processor defaults). */
export const QWEN2_VL = {
  patch: 14,
  merge: 2,
  temporalPatch: 2,
  /** patch · merge: both resized sides are multiples of this. */
  factor: 28,
  minPixels: 4 * 28 * 28,
  maxPixels: 16384 * 28 * 28,
  maxRatio: 200,
  /** <|vision_start|> and <|vision_end|> around the image tokens. */
  markers: 2,
  source:
    'Wang et al. 2024 (arXiv:2409.12191) §2.1; QwenLM/Qwen2-VL qwen-vl-utils/src/qwen_vl_utils/vision_process.py@487a12d (smart_resize)',
} as const;

/** Python 3's round(): to the nearest integer, ties to even. */
export function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff < 0.5) return floor;
  if (diff > 0.5) return floor + 1;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** Pixel bounds for Qwen2-VL's resize. */
export interface PixelBounds {
  minPixels?: number;
  maxPixels?: number;
}

/** How smart_resize changed the image. */
export type ResizeMode = 'rounded' | 'scaled-down' | 'scaled-up';

/**
 * Qwen2-VL's `smart_resize`: the height and width the image is resized to before patching (both multiples of 28,
 * area within [minPixels, maxPixels], aspect ratio kept as closely as possible).
 */
export function qwen2vlResize(
  height: number,
  width: number,
  bounds: PixelBounds = {},
): { height: number; width: number; mode: ResizeMode } {
  const h = positiveInt('height', height, MAX_IMAGE_SIDE);
  const w = positiveInt('width', width, MAX_IMAGE_SIDE);
  const f = QWEN2_VL.factor;
  const minPixels = positiveInt('minPixels', bounds.minPixels ?? QWEN2_VL.minPixels, Number.MAX_SAFE_INTEGER);
  const maxPixels = positiveInt('maxPixels', bounds.maxPixels ?? QWEN2_VL.maxPixels, Number.MAX_SAFE_INTEGER);
  if (minPixels > maxPixels)
    throw new InputError('minPixels', `minPixels (${minPixels}) must not exceed maxPixels (${maxPixels})`);
  if (Math.max(h, w) / Math.min(h, w) > QWEN2_VL.maxRatio)
    throw new InputError(
      'width',
      `the aspect ratio must be at most ${QWEN2_VL.maxRatio}:1, got ${w}×${h} (${(Math.max(h, w) / Math.min(h, w)).toFixed(1)}:1)`,
    );
  let hBar = Math.max(f, roundHalfEven(h / f) * f);
  let wBar = Math.max(f, roundHalfEven(w / f) * f);
  let mode: ResizeMode = 'rounded';
  if (hBar * wBar > maxPixels) {
    const beta = Math.sqrt((h * w) / maxPixels);
    hBar = Math.floor(h / beta / f) * f;
    wBar = Math.floor(w / beta / f) * f;
    mode = 'scaled-down';
  } else if (hBar * wBar < minPixels) {
    const beta = Math.sqrt(minPixels / (h * w));
    hBar = Math.ceil((h * beta) / f) * f;
    wBar = Math.ceil((w * beta) / f) * f;
    mode = 'scaled-up';
  }
  return { height: hBar, width: wBar, mode };
}

/** Qwen2-VL's tokens for one image. */
export interface Qwen2VlTokens {
  input: { height: number; width: number };
  resized: { height: number; width: number; mode: ResizeMode };
  /** The 14-px patch grid of the resized image (no [CLS]). */
  grid: PatchGrid;
  /** Grid of merged tokens: each covers 2×2 patches (28×28 px). */
  mergedRows: number;
  mergedCols: number;
  /** Image tokens after the 2×2 merge. */
  imageTokens: number;
  /** imageTokens + <|vision_start|> + <|vision_end|>: what the image adds to the LLM sequence. */
  llmTokens: number;
}

/** Qwen2-VL's patch grid, merged token count and LLM tokens for a `height`×`width` image. */
export function qwen2vlTokens(height: number, width: number, bounds: PixelBounds = {}): Qwen2VlTokens {
  const resized = qwen2vlResize(height, width, bounds);
  const grid = patchGrid(resized.height, resized.width, QWEN2_VL.patch, 0);
  const mergedRows = grid.rows / QWEN2_VL.merge;
  const mergedCols = grid.cols / QWEN2_VL.merge;
  const imageTokens = mergedRows * mergedCols;
  return {
    input: { height, width },
    resized,
    grid,
    mergedRows,
    mergedCols,
    imageTokens,
    llmTokens: imageTokens + QWEN2_VL.markers,
  };
}

/** Flamingo's Perceiver Resampler: a fixed number of visual tokens per image, read through cross-attention. */
export const FLAMINGO = {
  latents: 64,
  /** Image tokens added to the language model's own sequence (and so to its self-attention KV cache). */
  sequenceTokens: 0,
  source: 'Alayrac et al. 2022 (arXiv:2204.14198) §2.1, Perceiver Resampler',
} as const;

/** Chameleon's image tokenizer: discrete codes placed in the sequence like text (early fusion). */
export const CHAMELEON = {
  resolution: 512,
  tokens: 1024,
  codebook: 8192,
  source: 'Chameleon Team 2024 (arXiv:2405.09818) §2.1, image tokenization',
} as const;
