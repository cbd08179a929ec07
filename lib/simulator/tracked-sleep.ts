// A simulated device's pause: a timer kept in the device's set, so stopping the simulator clears every
// pending one at once.
export type TimerSet = Set<ReturnType<typeof setTimeout>>;

export function trackedSleep(timers: TimerSet, ms: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const t = setTimeout(() => {
      timers.delete(t);
      resolve();
    }, ms);
    timers.add(t);
  });
}
