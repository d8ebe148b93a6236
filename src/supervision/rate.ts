/** Half-up, 2 decimals, from raw counts at read time (domain §10); null when nothing finished. */
export const rate = (num: number, den: number) => (den === 0 ? null : Math.round((num / den) * 10000 + 1e-9) / 100);
