// The public surface of successkit/rules; filled as the module lands.
export {};
