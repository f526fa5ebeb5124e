import { receivedInAdvance } from './received-in-advance';

describe('money received for months not billed yet', () => {
  it('is what was received beyond the issued statements’ months', () => {
    // Twelve months of Rp1,680,000 paid, only the first month's statement issued.
    expect(receivedInAdvance({ received: 20_160_000 }, [{ received: 1_680_000 }])).toBe(18_480_000);
  });

  it('is nothing when every payment is under an issued statement, or no report yet', () => {
    expect(
      receivedInAdvance({ received: 3_360_000 }, [
        { received: 1_680_000 },
        { received: 1_680_000 },
      ]),
    ).toBe(0);
    expect(receivedInAdvance(null, [{ received: 1_680_000 }])).toBe(0);
    expect(receivedInAdvance({ received: 0 }, [])).toBe(0);
  });
});
