// The two languages Firstline speaks. Runtime: any.
import { z } from 'zod';

export const langSchema = z.enum(['ru', 'en']);
export type Lang = z.infer<typeof langSchema>;
