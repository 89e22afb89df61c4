/**
 * Yokoy's answers, parsed leniently where the live API is known to stray from its description
 * (numbers as strings, extra fields, open enums) and strictly where a wrong value would do harm
 * (a token must be a non-empty string; an ID must match `[\w-]+`).
 */
import * as z from 'zod/mini';

const yokoyId = z.string().check(z.regex(/^[\w-]+$/));
/** A number that may arrive as a numeric string. */
const lenientNumber = z.pipe(
  z.union([z.number(), z.string().check(z.regex(/^\d+(\.\d+)?$/))]),
  z.transform((v) => Number(v)),
);

export const TokenAnswer = z.object({
  access_token: z.string().check(z.minLength(1)),
  expires_in: z.optional(lenientNumber),
  token_type: z.optional(z.string()),
});
export type TokenAnswer = z.infer<typeof TokenAnswer>;

export const LegalEntity = z.object({
  id: yokoyId,
  name: z.optional(z.string()),
  code: z.optional(z.nullable(z.string())),
  // Open enum: the description lists ten languages; the live API has more.
  language: z.optional(z.nullable(z.string())),
  country: z.optional(z.nullable(z.string())),
  currency: z.optional(z.nullable(z.string())),
});
export type LegalEntity = z.infer<typeof LegalEntity>;

export const LegalEntitiesAnswer = z.object({ legalEntities: z.array(LegalEntity) });

/** `{code, message}` with `errors[]` on 400; `code` is an integer in the description, a string in places. */
export const ErrorBody = z.object({
  code: z.optional(z.union([z.number(), z.string()])),
  message: z.optional(z.string()),
  errors: z.optional(z.array(z.object({ field: z.optional(z.string()), message: z.optional(z.string()) }))),
  error: z.optional(z.string()),
  error_description: z.optional(z.string()),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** Only what we keep of an entity: the rest of Yokoy's fields stay out of the way. */
export function summarizeLegalEntity(entity: LegalEntity) {
  return { id: entity.id, name: entity.name ?? entity.id, code: entity.code ?? undefined };
}
export type LegalEntitySummary = ReturnType<typeof summarizeLegalEntity>;
