export declare const ELECTRON_MISSING: string;
export declare function electronBinary(): string | undefined;
