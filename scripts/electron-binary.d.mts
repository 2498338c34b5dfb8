export declare const ELECTRON_MISSING: string;
export declare const ELECTRON_MISSING_FOR_DIST: string;
export declare function electronBinary(): string | undefined;
