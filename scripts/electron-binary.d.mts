/** The path of Electron's executable, or undefined when it is not installed. */
export function electronBinary(): string | undefined;
