// Channels of the imports area (filled in by the imports work).
export const importsChannels = {} as const;
