export function addManyRows<T>(payload: T, n: number, amount?: number): T;
