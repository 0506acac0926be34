/**
 * The atlas glossary of acronyms and synonyms. A question that uses one form of a group also searches the others:
 * "GQA" finds "grouped-query attention", "mixture of experts" finds "MoE", "KV" finds "key-value". Each group is a
 * list of phrases; phrases are matched on stems after stop words are dropped, so "keys and values" matches
 * "key value". Every entry acronym appears here (a test checks it).
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['kv', 'key value'],
  ['gqa', 'grouped query attention'],
  ['mqa', 'multi query attention'],
  ['mha', 'multi head attention'],
  ['mla', 'multi head latent attention', 'latent attention'],
  ['moe', 'mixture of experts'],
  ['ssm', 'state space model', 'mamba'],
  ['swa', 'sliding window attention', 'sliding window'],
  ['rope', 'rotary position embedding', 'rotary'],
  ['alibi', 'attention with linear biases', 'linear biases'],
  ['mcp', 'model context protocol'],
  ['rag', 'retrieval augmented generation'],
  ['vit', 'vision transformer'],
  ['bpe', 'byte pair encoding'],
  ['llm', 'large language model', 'language model'],
  ['ffn', 'mlp', 'feed forward'],
  ['dit', 'diffusion transformer'],
  ['flashattention', 'flash attention'],
  ['cfg', 'classifier free guidance'],
  ['mtp', 'multi token prediction'],
  ['rrf', 'reciprocal rank fusion'],
  ['hbm', 'high bandwidth memory'],
  ['position embedding', 'position encoding', 'positional encoding'],
];
