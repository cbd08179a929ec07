/** The model name the built-in demo model answers as (a template, not a language model). */
export const DEMO_MODEL = "demo-template";
