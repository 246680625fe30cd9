// Channels of the plan area (filled in by the plan work).
export const planChannels = {} as const;
