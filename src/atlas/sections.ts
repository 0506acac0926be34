/**
 * The five sections of the atlas, in the order the home page shows them (DESIGN.md §5).
 * Entries name their section by `id`; the order of entries inside a section comes from each entry's `order`.
 */
export const SECTIONS = [
  {
    id: 'neural-network-architectures',
    title: 'Neural Network Architectures',
    icon: 'network',
    blurb: 'The backbones: dense Transformers, sparse experts, state-space models and hybrids of the two.',
  },
  {
    id: 'generative-models',
    title: 'Generative Models',
    icon: 'sparkles',
    blurb: 'Models that see and draw: vision transformers, multimodal language models and diffusion.',
  },
  {
    id: 'attention-mechanisms',
    title: 'Attention Mechanisms & Position Encodings',
    icon: 'scan-eye',
    blurb: 'How tokens look at each other, what that costs, and how they know where they are.',
  },
  {
    id: 'inference-memory',
    title: 'Inference & Memory',
    icon: 'memory-stick',
    blurb: 'What happens at serving time: tokens in, keys and values cached, drafts verified.',
  },
  {
    id: 'tooling-patterns',
    title: 'Tooling & Application Patterns',
    icon: 'plug',
    blurb: 'How models reach the world: protocols for tools, retrieval, and the tool-calling loop.',
  },
] as const;

export type Section = (typeof SECTIONS)[number];
export type SectionId = Section['id'];

export const SECTION_IDS = SECTIONS.map((s) => s.id) as [SectionId, ...SectionId[]];

/** The kind label shown on every card. */
export const KINDS = [
  'Architecture',
  'Generative Architecture',
  'Attention Mechanism',
  'Position Encoding',
  'Inference Technique',
  'Application Pattern',
] as const;

export type Kind = (typeof KINDS)[number];

/** Looks a section up by id; ids come from the validated schema, so a miss is a programming error. */
export function sectionById(id: SectionId): Section {
  const section = SECTIONS.find((s) => s.id === id);
  if (!section) throw new Error(`unknown section "${id}"`);
  return section;
}
