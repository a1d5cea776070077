// The public surface of successkit/forecast; filled as the module lands.
export {};
