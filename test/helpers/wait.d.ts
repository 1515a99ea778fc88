/** Resolves true once `check()` is truthy, false if `stop()` became true first. */
export declare function waitUntil(check: () => boolean | Promise<boolean>, stop?: () => boolean): Promise<boolean>;
