/**
 * Runs one loader per key at a time in this process: callers that ask for a
 * key while its loader runs share that loader's result (or error).
 */
export class SingleFlight {
  readonly #inFlight = new Map<string, Promise<unknown>>();

  /** Loaders running now. */
  get size(): number {
    return this.#inFlight.size;
  }

  run<T>(key: string, load: () => Promise<T>): Promise<T> {
    const running = this.#inFlight.get(key);
    if (running) return running as Promise<T>;
    const flight = load().finally(() => this.#inFlight.delete(key));
    this.#inFlight.set(key, flight);
    return flight;
  }
}
