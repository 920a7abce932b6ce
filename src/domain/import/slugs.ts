/** Stable, readable ids for imported records: "Ma'arrat al-Nu'man" → "maarrat-al-numan", "Şanlıurfa" → "sanliurfa". */

const FOLDED: Readonly<Record<string, string>> = {
  ı: 'i', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ħ: 'h',
}; // prettier-ignore
const MAX_SLUG_LENGTH = 60;

/** Lower-case ASCII letters and digits joined by single hyphens; "" when nothing of the text is Latin or a digit. */
export function slugify(text: string): string {
  const folded = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[ıøßæœđðłþħ]/g, (c) => FOLDED[c] ?? c)
    .replace(/['’ʿʾ`´]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (folded.length <= MAX_SLUG_LENGTH) return folded;
  const cut = folded.slice(0, MAX_SLUG_LENGTH);
  const hyphen = cut.lastIndexOf('-');
  return (hyphen > 20 ? cut.slice(0, hyphen) : cut).replace(/-+$/, '');
}

/** Hands out unique slugs: the first free of the candidates, else the first one with "-2", "-3"… */
export class SlugAllocator {
  private readonly taken = new Set<string>();
  private readonly next = new Map<string, number>();

  constructor(private readonly fallback: string) {}

  has(slug: string): boolean {
    return this.taken.has(slug);
  }

  claim(...candidates: string[]): string {
    const slugs = candidates.map(slugify).filter((s) => s !== '');
    for (const slug of slugs) {
      if (!this.taken.has(slug)) {
        this.taken.add(slug);
        return slug;
      }
    }
    const base = slugs[0] ?? this.fallback;
    let n = this.next.get(base) ?? 2;
    while (this.taken.has(`${base}-${n}`)) n++;
    this.next.set(base, n + 1);
    const slug = `${base}-${n}`;
    this.taken.add(slug);
    return slug;
  }
}
