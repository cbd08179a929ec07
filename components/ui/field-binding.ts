// Binds a form's string fields to TextField/SelectField: the value of `form[key]`, the change that patches
// it and the error reported for it (under `key`, or the server's name for it when that differs).

/** The keys of `F` whose values are plain strings (a union of literals is left to an explicit handler). */
export type StringKey<F> = { [K in keyof F]: string extends F[K] ? (F[K] extends string ? K : never) : never }[keyof F] & string;

export type FieldBinding = { value: string; onValueChange: (value: string) => void; error: string | undefined };

export function bindFields<F>(form: F, patch: (p: Partial<F>) => void, errors: Readonly<Record<string, string>>) {
  return (key: StringKey<F>, errorKey: string = key): FieldBinding => ({
    value: form[key] as string,
    onValueChange: (value) => patch({ [key]: value } as Partial<F>),
    error: errors[errorKey],
  });
}
