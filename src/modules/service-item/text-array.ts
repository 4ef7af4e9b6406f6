/** A PostgreSQL text[] literal with every element double-quoted, e.g. {"居民身份证原件","户口簿原件"}. */
export function toTextArrayLiteral(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}
