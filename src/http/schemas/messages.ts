// Messages as the API shows them: customer messages, bot replies with citations and confidence, and what agents
// see of a bot reply beside its text (who wrote it, what the claim check made of it). Runtime: any.
import { z } from '@hono/zod-openapi';
import { langField } from './common.ts';
import { attachmentSchema } from './attachments.ts';

const attachmentsField = z
  .array(attachmentSchema)
  .optional()
  .openapi({ description: 'Files sent with the message (customer and agent messages); absent when none.' });

const action = z.enum(['answer', 'clarify', 'handoff']);

export const citationSchema = z
  .object({ articleId: z.string(), title: z.string(), url: z.string().optional() })
  .openapi('Citation');

export const confidenceSchema = z
  .object({ score: z.number().min(0).max(1), components: z.record(z.string(), z.number()) })
  .openapi('Confidence', { description: 'Overall score and its named parts, each in [0, 1].' });

export const clarifyOptionSchema = z
  .object({
    id: z.string().openapi({ description: 'Its number in the list ("1", "2", "3"): send it back as `optionId`.' }),
    label: z.string().openapi({ description: "The article's title, as listed in the text." }),
    articleId: z.string(),
  })
  .openapi('ClarifyOption', { description: 'One option of a clarifying question, as numbered in its text.' });

const clarifyOptions = z.array(clarifyOptionSchema).optional().openapi({
  description:
    'With action clarify: the options listed in the text, in the same order (empty when the bot asks to say more).',
});

export const customerMessageSchema = z
  .object({
    id: z.string(),
    role: z.literal('customer'),
    text: z.string(),
    at: z.string(),
    attachments: attachmentsField,
  })
  .openapi('CustomerMessage');

export const botReplySchema = z
  .object({
    id: z.string(),
    role: z.literal('bot'),
    text: z.string(),
    action,
    citations: z.array(citationSchema),
    confidence: confidenceSchema,
    lang: langField,
    reasons: z.array(z.string()).optional().openapi({ description: 'Why the bot handed off (with action handoff).' }),
    options: clarifyOptions,
    at: z.string(),
  })
  .openapi('BotReply');

export const messageSchema = z
  .object({
    id: z.string(),
    role: z.enum(['customer', 'bot', 'agent', 'system']),
    text: z.string(),
    at: z.string(),
    author: z
      .object({ name: z.string() })
      .optional()
      .openapi({ description: 'For agent messages: the agent who wrote it.' }),
    action: action.optional(),
    citations: z.array(citationSchema).optional(),
    confidence: confidenceSchema.optional(),
    lang: langField.optional(),
    reasons: z.array(z.string()).optional(),
    options: clarifyOptions,
    attachments: attachmentsField,
  })
  .openapi('Message');

export const verificationSchema = z
  .object({
    outcome: z.enum(['verified', 'repaired', 'replaced']),
    reason: z
      .string()
      .optional()
      .openapi({ description: 'Why it was replaced: unsupported, timeout, rate_limited, error, invalid.' }),
    score: z.number().openapi({ description: "Share of the model's claims that its articles support, in [0, 1]." }),
    unsupported: z
      .array(z.object({ kind: z.string(), claim: z.string(), verdict: z.string(), sentence: z.string() }))
      .readonly(),
    modelReply: z.string().optional().openapi({ description: 'The reply the model wrote, before the check.' }),
  })
  .openapi('ReplyVerification', { description: "The claim check of a model's answer." });

export const agentMessageSchema = messageSchema
  .extend({
    composer: z.string().optional().openapi({ description: 'For bot replies: `offline` or `llm`.' }),
    verification: verificationSchema.optional(),
  })
  .openapi('AgentMessage', {
    description: 'A message as agents see it: a bot reply also says who wrote it and how it was checked.',
  });
