// The naive fixed-threshold alarm rules the detectors are measured against in bench:alarms: a latched rule, and
// one that must hold for a while before it is raised.

/**
 * A naive rule alarm as a latch: raised when the condition holds and no alarm is active, cleared once the
 * condition has been false for rearmMs (so a chattering condition is one alarm, not dozens).
 */
export function createRuleLatch(rearmMs: number) {
  let active = false;
  let falseSince: number | null = null;
  return (t: number, condition: boolean): boolean => {
    if (condition) {
      if (active && falseSince !== null && t - falseSince >= rearmMs) active = false;
      falseSince = null;
      if (active) return false;
      active = true;
      return true;
    }
    falseSince ??= t;
    if (active && t - falseSince >= rearmMs) active = false;
    return false;
  };
}

/** A rule that must hold continuously for holdMs before it is raised (then latched as above). */
export function createPersistentRule(holdMs: number, rearmMs: number) {
  const latch = createRuleLatch(rearmMs);
  let trueSince: number | null = null;
  return (t: number, condition: boolean): boolean => {
    if (condition) trueSince ??= t;
    else trueSince = null;
    return latch(t, trueSince !== null && t - trueSince >= holdMs);
  };
}
