// Test-only preload (node --import): the app's clock reads BUDDY_TEST_CLOCK_OFFSET_MS (negative: behind)
// away from the machine's, for `Date.now()` and `new Date()` alike, so a test can run one command as if
// the clock had jumped (a month ahead, a day back) without touching the machine's clock.
const offset = Number(process.env.BUDDY_TEST_CLOCK_OFFSET_MS ?? 0);
const RealDate = Date;
const realNow = RealDate.now.bind(RealDate);

class ShiftedDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(realNow() + offset);
    else super(...args);
  }

  static now() {
    return realNow() + offset;
  }
}

globalThis.Date = ShiftedDate;
