/** Where two JSON values differ, as `path: left → right` lines (at most `limit`). */
export function jsonDifferences(left: unknown, right: unknown, limit = 8): string[] {
  const found: string[] = [];
  walk(left, right, '', found, limit);
  return found;
}

function walk(left: unknown, right: unknown, path: string, found: string[], limit: number): void {
  if (found.length >= limit) return;
  if (isObject(left) && isObject(right)) {
    const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])].sort();
    for (const key of keys)
      walk(left[key], right[key], path === '' ? key : `${path}.${key}`, found, limit);
    return;
  }
  if (Array.isArray(left) && Array.isArray(right)) {
    const length = Math.max(left.length, right.length);
    for (let index = 0; index < length; index += 1)
      walk(left[index], right[index], `${path}[${index}]`, found, limit);
    return;
  }
  if (JSON.stringify(left) !== JSON.stringify(right)) {
    found.push(`${path === '' ? '(value)' : path}: ${show(left)} → ${show(right)}`);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  if (value === undefined) return '(absent)';
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
