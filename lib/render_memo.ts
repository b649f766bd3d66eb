/**
 * Remembers rendered HTML per key together with the exact input it was
 * rendered from, and renders again only when that input changes. A page
 * that is a pure function of data the caller already has (e.g. the trip
 * page for anonymous visitors, from the trip's cached JSON) then costs a
 * string comparison instead of a render, and can never be staler than its
 * input. Bounded: the least recently used key goes first.
 */
export class RenderMemo {
  readonly #entries = new Map<string, { input: string; html: string }>();

  constructor(readonly maxEntries = 500) {}

  /** The HTML for `key` rendered from `input`, rendering only on a change. */
  render(key: string, input: string, render: () => string): string {
    const hit = this.#entries.get(key);
    this.#entries.delete(key);
    if (hit && hit.input === input) {
      this.#entries.set(key, hit);
      return hit.html;
    }
    const html = render();
    this.#entries.set(key, { input, html });
    if (this.#entries.size > this.maxEntries) {
      this.#entries.delete(this.#entries.keys().next().value!);
    }
    return html;
  }

  get size(): number {
    return this.#entries.size;
  }
}
