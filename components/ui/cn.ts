// Joins class names, skipping empty ones. The looks in components/ui never set one CSS property twice,
// so joining is enough (no class merging).
export function cn(...classes: (string | false | null | undefined)[]): string {
  return classes.filter(Boolean).join(" ");
}
