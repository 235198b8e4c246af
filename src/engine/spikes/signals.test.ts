import {
  CAUSE_LABELS,
  CAUSE_PROFILES,
  CAUSES,
  SIGNAL_CATALOG,
  signalsOf,
  signalSpec,
  SYMPTOM_SIGNALS,
} from './signals';

describe('the signal catalog', () => {
  it('gives every cause at least one signal, a label and profiles', () => {
    for (const cause of CAUSES) {
      expect(signalsOf(cause).length).toBeGreaterThan(0);
      expect(CAUSE_LABELS[cause]).toBeTruthy();
      expect(CAUSE_PROFILES[cause].profiles.length).toBeGreaterThan(0);
    }
  });

  it('has unique ids, positive weights and floors, and says what each signal needs', () => {
    expect(new Set(SIGNAL_CATALOG.map((s) => s.id)).size).toBe(SIGNAL_CATALOG.length);
    for (const spec of SIGNAL_CATALOG) {
      expect(spec.weight).toBeGreaterThan(0);
      expect(spec.minSigma).toBeGreaterThan(0);
      expect(spec.requires).not.toBe('');
      expect(spec.minGo === null || /^1\.\d+$/.test(spec.minGo)).toBe(true);
    }
  });

  it("lists no symptom as a cause signal (Little's law: every slowdown raises them)", () => {
    for (const id of Object.keys(SYMPTOM_SIGNALS)) {
      expect(signalSpec(id)).toBeUndefined();
    }
    const words = SIGNAL_CATALOG.flatMap((s) => `${s.id} ${s.metrics}`.split(/[^a-z0-9_]+/i));
    expect(words).not.toContain('go_goroutines'); // (not_in_go goroutines are a syscall signal, not the total)
    expect(words.filter((w) => /in_?flight/i.test(w))).toEqual([]);
  });
});
