/** Facts about this build that every part needs: is this the sandbox build? */
export const isSandboxBuild: boolean = import.meta.env.MODE === 'sandbox';
