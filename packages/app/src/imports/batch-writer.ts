/**
 * Runs database writes one at a time while the caller keeps parsing: submit
 * waits for the previous write, starts this one and returns, so reading the
 * next batch overlaps the database's work on this one (on a server, the two
 * run on different cores). A failure surfaces at the next submit or drain.
 */
export class BatchWriter {
  #inFlight: Promise<void> = Promise.resolve();

  async submit(write: () => Promise<void>): Promise<void> {
    await this.#inFlight;
    const next = write();
    next.catch(() => undefined); // observed by the next submit/drain
    this.#inFlight = next;
  }

  drain(): Promise<void> {
    return this.#inFlight;
  }
}
