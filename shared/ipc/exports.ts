// Channels of the exports area (filled in by the exports work).
export const exportsChannels = {} as const;
