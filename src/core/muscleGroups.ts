/** The muscle groups, in docs/muscles.md order, and their titles (no zod: the panels use them). */
export const muscleGroups = [
  'head_neck',
  'shoulder_upper_back',
  'arm_hand',
  'trunk',
  'hip_thigh',
  'leg_foot',
] as const;

/** Body-area titles of the muscle groups, as the sections of docs/muscles.md name them. */
export const muscleGroupTitles: Readonly<Record<(typeof muscleGroups)[number], string>> = {
  head_neck: 'Head and neck',
  shoulder_upper_back: 'Shoulder and upper back',
  arm_hand: 'Arm, forearm and hand',
  trunk: 'Trunk',
  hip_thigh: 'Hip and thigh',
  leg_foot: 'Leg and foot',
};
