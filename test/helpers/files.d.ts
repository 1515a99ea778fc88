/** The .ts files under a folder of the repository, as { path (from the repository root), text }. */
export function sourceFiles(folder: string): Array<{ path: string; text: string }>;

/** With `<variable>=<file>` in the environment, writes `data` to that file as JSON; false when unset. */
export function dumpTo(variable: string, data: unknown): boolean;

/** Whether a path (from the repository root, `..` allowed) is an existing file or folder. */
export function repoPathExists(relative: string): boolean;
