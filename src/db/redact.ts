/**
 * SQL text with its literal values taken out, for logs. MikroORM inlines parameters into the
 * statements it sends, and its driver errors quote them — names and phones among them — so
 * nothing that may carry a value reaches a log unredacted.
 */
export function redactSql(sql: string): string {
  return sql.replace(/E?'(?:[^'\\]|''|\\.)*'/g, "'…'").replace(/\b\d{5,}\b/g, '…');
}

/** A driver error as it may be logged: its class and SQLSTATE, never the statement or its values. */
export function describeDriverError(error: { name: string; code?: string }): string {
  return `${error.name} (SQLSTATE ${error.code ?? 'unknown'})`;
}
