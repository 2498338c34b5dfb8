// Python's json.dumps with its default separators and ensure_ascii, so files and cache keys match the AWS CLI's bytes.
// Hand-written: JSON.stringify has other spacing and keeps non-ASCII characters as they are.

export type PythonJson = string | number | boolean | null | PythonJson[] | { [key: string]: PythonJson };

const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

function pythonString(text: string): string {
  // Every UTF-16 unit outside printable ASCII becomes \uxxxx, exactly as Python writes surrogate pairs.
  const escaped = text.replace(
    /[^ -~]|["\\]/g,
    (char) => SHORT_ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `"${escaped}"`;
}

export function pythonJsonDumps(value: PythonJson, options: { sortKeys?: boolean } = {}): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  // Integers (all the CLI writes) print alike; a float another tool added keeps JavaScript's spelling.
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return pythonString(value);
  if (Array.isArray(value)) return `[${value.map((item) => pythonJsonDumps(item, options)).join(', ')}]`;
  const keys = Object.keys(value);
  if (options.sortKeys) keys.sort();
  return `{${keys.map((key) => `${pythonString(key)}: ${pythonJsonDumps(value[key] as PythonJson, options)}`).join(', ')}}`;
}
