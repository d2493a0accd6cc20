/** A set that forgets its oldest members beyond a size: for remembered event ids and ended streams. */
export class BoundedSet {
  private readonly items = new Set<string>();
  constructor(private readonly max: number) {}

  has(v: string): boolean {
    return this.items.has(v);
  }

  add(v: string): void {
    if (this.items.has(v)) return;
    this.items.add(v);
    if (this.items.size > this.max) this.items.delete(this.items.values().next().value as string);
  }
}
