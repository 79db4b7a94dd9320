// Test-only preload (node --import): each SIGUSR2 moves the app's clock forward by SHIFT_CLOCK_MS
// (three minutes unless set), so a screen test can reach "falls asleep after three quiet minutes"
// without waiting for them. Timers still run on real time; the pet reads the clock on every tick.
const realNow = Date.now.bind(Date);
let offset = 0;
Date.now = () => realNow() + offset;
process.on('SIGUSR2', () => {
  offset += Number(process.env.SHIFT_CLOCK_MS ?? 180_000);
});
