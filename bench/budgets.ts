/**
 * Budgets of DESIGN.md (section Budgets). "Well under a second on one core" is read as at most
 * half a second, so a figure near a second is already flagged.
 */
export const WELL_UNDER_A_SECOND_MS = 500;

/** The scaling check allows this factor over n log n growth for noise and cache effects. */
export const SCALING_ALLOWANCE = 1.5;
