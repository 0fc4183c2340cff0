/** A Float64Array that doubles as rows are appended (column storage while streaming a file). */
export class GrowableColumn {
  private data = new Float64Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  /** The values appended so far (a copy trimmed to length). */
  toArray(): Float64Array {
    return this.data.slice(0, this.length);
  }
}
