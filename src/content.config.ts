import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { entrySchema } from './atlas/schema';

const entries = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './src/content/entries' }),
  schema: entrySchema,
});

export const collections = { entries };
