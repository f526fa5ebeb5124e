/** Money is a whole number of rupiah (conventions.md): never a float, never a fraction. */
export function isRupiah(amount: number): boolean {
  return Number.isSafeInteger(amount) && amount >= 0;
}

export function sumRupiah(amounts: readonly number[]): number {
  return amounts.reduce((total, amount) => total + amount, 0);
}
