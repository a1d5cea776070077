// The public surface of successkit/metrics; filled as the module lands.
export {};
