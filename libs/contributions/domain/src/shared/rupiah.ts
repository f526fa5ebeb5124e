/** Money in this domain is a whole, non-negative, safe-integer number of rupiah. */
export function isRupiah(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}

export function isPositiveRupiah(value: number): boolean {
  return isRupiah(value) && value > 0;
}
