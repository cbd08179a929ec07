// The body of a new care message, as the API and the pages validate it. Client-safe.
import { z } from "zod";

export const MESSAGE_MAX_LENGTH = 2000;

export const messageBodySchema = z
  .object({
    body: z
      .string({ error: "must be the message text" })
      .trim()
      .min(1, "must not be empty")
      .max(MESSAGE_MAX_LENGTH, `must be at most ${MESSAGE_MAX_LENGTH} characters`),
  })
  .strict();
